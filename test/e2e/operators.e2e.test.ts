import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangePasswordPage } from './pages/change-password-page';
import { OperatorsPage } from './pages/operators-page';
import { SignInPage } from './pages/sign-in-page';
import { ja, say } from './pages/words';
import { seedOperators, startApp, type E2eApp } from './support/harness';
import { ACCOUNTING, ADMIN, SALES } from './support/seed';

/** Issue 13: the admin manages operators; every operator changes their own password (D-SEC-2, 6, 7). */
describe('operators, as the admin; a password, as its operator', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
    await seedOperators(app.backoffice, ADMIN, [SALES, ACCOUNTING]);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('D-SEC-2, D-SEC-7: the admin adds an operator (a short password refused under its field), resets a password and deactivates another', async () => {
    const shell = await new SignInPage(app.page, ja).signIn(ADMIN.login, ADMIN.password);
    await shell.operator.waitFor();
    await shell.goTo('nav.operators');
    const operators = new OperatorsPage(app.page, ja);
    await operators.heading.waitFor();
    await operators.row(SALES.login).waitFor();

    await operators.add({ login: 'yamada', displayName: '山田 次郎', password: 'short', roles: [ja['role.sales']] });
    await expect
      .poll(() => operators.errorUnder(operators.password).textContent())
      .toBe(ja['operators.error.password']);
    await operators.password.fill('yamada-passphrase');
    await app.page.getByRole('button', { name: ja['operators.create.submit'] }).click();
    await expect.poll(() => operators.notice.textContent()).toBe(say(ja, 'operators.created', { login: 'yamada' }));
    await operators.row('yamada').waitFor();

    await operators.reset(SALES.login, 'temporary-pass-1');
    await expect
      .poll(() => operators.notice.textContent())
      .toBe(say(ja, 'operators.reset.done', { login: SALES.login }));
    await expect.poll(() => operators.stateOf(SALES.login)).toBe(ja['operators.state.mustChange']);

    await operators.deactivate(ACCOUNTING.login);
    await expect.poll(() => operators.stateOf(ACCOUNTING.login)).toBe(ja['operators.state.inactive']);
    await app.screenshot('operators-01-admin');
    await shell.signOut();
  });

  it('D-SEC-6: after the reset the operator must choose a new password first, then signs in with it', async () => {
    const signIn = new SignInPage(app.page, ja);
    await signIn.heading.waitFor();
    await signIn.signIn(SALES.login, 'temporary-pass-1');
    const change = new ChangePasswordPage(app.page, ja);
    await change.heading.waitFor();
    expect(await change.notice.textContent()).toBe(ja['password.mustChange']);
    // The menu's jobs are not reachable meanwhile: the address of another job shows this screen still.
    await app.page.evaluate(() => (window.location.hash = '#/members'));
    await change.heading.waitFor();

    await change.change('temporary-pass-1', 'tanaka-own-passphrase', 'tanaka-own-passphrase!');
    await expect.poll(() => change.errorUnder(change.again).textContent()).toBe(ja['password.mismatch']);
    await app.screenshot('operators-02-change-password');
    await change.again.fill('tanaka-own-passphrase');
    await app.page.getByRole('button', { name: ja['password.submit'] }).click();

    await signIn.heading.waitFor();
    await expect.poll(() => signIn.notice.first().textContent()).toBe(ja['password.done']);
    const shell = await signIn.signIn(SALES.login, 'tanaka-own-passphrase');
    await shell.operator.waitFor();
    // Now the job the address named opens; the sales operator's menu has no operator screen.
    await shell.link('nav.members').waitFor();
    expect(await shell.link('nav.operators').count()).toBe(0);
  });

  it('D-SEC-7: a deactivated operator cannot sign in', async () => {
    await app.page.getByRole('button', { name: ja['header.signOut'] }).click();
    const signIn = new SignInPage(app.page, ja);
    await signIn.heading.waitFor();
    await signIn.signIn(ACCOUNTING.login, ACCOUNTING.password);
    await app.page.locator('.refusal').waitFor();
    await signIn.heading.waitFor();
  });
});
