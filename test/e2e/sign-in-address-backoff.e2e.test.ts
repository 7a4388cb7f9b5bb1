import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInPage } from './pages/sign-in-page';
import { ja } from './pages/words';
import { seedOperators, startApp, type E2eApp } from './support/harness';

const ADMIN = { login: 'sato', displayName: '佐藤 花子', password: 'correct horse battery' };

/** Issue 13, D-SEC-19: guesses over many logins from one machine close signing in from it, said in words. */
describe('signing in after many failures from this machine', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
    await seedOperators(app.backoffice, ADMIN, []);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('D-SEC-19: after ten wrong sign-ins over different logins, even the right password waits, and the screen says how long', async () => {
    const signIn = new SignInPage(app.page, ja);
    await signIn.heading.waitFor();
    const refusal = app.page.locator('.refusal');
    for (let i = 1; i <= 10; i++) {
      const answered = app.page.waitForResponse((r) => r.url().endsWith('/api/session.signIn'));
      await signIn.signIn(`guess${i}`, `not-the-password-${i}`);
      expect((await answered).status()).toBe(401);
      await expect.poll(() => refusal.textContent()).toBe('ログイン名またはパスワードが違います');
    }
    const answered = app.page.waitForResponse((r) => r.url().endsWith('/api/session.signIn'));
    await signIn.signIn(ADMIN.login, ADMIN.password);
    expect((await answered).status()).toBe(429);
    // The back office's clock stands still in tests: all ten failures at one instant, so the full 15 minutes.
    await expect
      .poll(() => refusal.textContent())
      .toBe('このアドレスからのサインインの失敗が続いたため、900 秒後にもう一度お試しください');
    await signIn.heading.waitFor();
    await app.screenshot('sign-in-backoff-01-address');
  });
});
