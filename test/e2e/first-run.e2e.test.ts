import { PROBLEM_WORDS } from '../../renderer/i18n/problem-words';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { FirstRunPage } from './pages/first-run-page';
import { SignInPage } from './pages/sign-in-page';
import { en, ja, say } from './pages/words';
import { startApp, type E2eApp } from './support/harness';

const ADMIN = { login: 'sato', displayName: '佐藤 花子', password: 'correct horse battery' };

describe('first run on an empty database', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('asks for the first administrator, refuses a bad login next to its field, then lets them sign in', async () => {
    await app.open();
    const firstRun = new FirstRunPage(app.page, ja);
    await firstRun.heading.waitFor();
    await app.screenshot('01-first-run');

    // A login with an upper-case letter breaks the catalog's rule: the problem shows under the login field.
    await firstRun.login.fill('Sato');
    await expect.poll(() => firstRun.errorUnder(firstRun.login).textContent()).toBe(ja['firstRun.error.login']);
    // Passwords that differ are caught before anything is sent.
    await firstRun.password.fill('correct horse battery');
    await firstRun.passwordAgain.fill('correct horse batter');
    await expect
      .poll(() => firstRun.errorUnder(firstRun.passwordAgain).textContent())
      .toBe(ja['firstRun.passwordMismatch']);
    await app.screenshot('02-first-run-errors');

    const signIn = await firstRun.createFirstAdmin(ADMIN);
    await signIn.heading.waitFor();
    expect(await signIn.notice.textContent()).toBe(ja['firstRun.created']);

    const shell = await signIn.signIn(ADMIN.login, ADMIN.password);
    await shell.operator.waitFor();
    expect(await shell.operator.textContent()).toContain(
      say(ja, 'header.signedInAs', { name: ADMIN.displayName, login: ADMIN.login }),
    );
    expect(await shell.operator.textContent()).toContain(ja['role.admin']);
    await app.page.getByRole('heading', { name: ja['today.title'], level: 1 }).waitFor();
    await app.screenshot('03-today');
  });

  it('shows a wrong password as a refusal in words, and keeps the person on the sign-in screen', async () => {
    const shell = new SignInPage(app.page, ja);
    await app.page.getByRole('button', { name: ja['header.signOut'] }).click();
    await shell.heading.waitFor();
    await shell.signIn(ADMIN.login, 'wrong');
    await app.page.locator('.refusal').waitFor();
    // The wrong password itself, in words; not "your sign-in expired".
    expect(await app.page.locator('.refusal').textContent()).toBe(PROBLEM_WORDS.ja['session.wrong_password']);
    await shell.heading.waitFor();
  });

  it('switches between Japanese and English from the header at any time, and remembers the choice', async () => {
    const signIn = new SignInPage(app.page, ja);
    const shell = await signIn.signIn(ADMIN.login, ADMIN.password);
    await shell.operator.waitFor();
    // The administrator's jobs: Today and the audit log (D-UI-1).
    await shell.goTo('nav.audit');
    await app.page.getByRole('heading', { name: ja['audit.title'], level: 1 }).waitFor();
    await app.screenshot('04-audit-ja');

    const english = await shell.switchLanguage('en');
    await english.link('nav.audit').waitFor();
    await app.page.getByRole('heading', { name: en['audit.title'], level: 1 }).waitFor();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await app.screenshot('05-audit-en');

    // Remembered across a reload (localStorage), and the session survives it too (sessionStorage).
    await app.page.reload();
    await english.link('nav.today').waitFor();
    const japanese = await english.switchLanguage('ja');
    await japanese.link('nav.today').waitFor();
    expect(await app.page.evaluate(() => localStorage.getItem('backoffice.language'))).toBe('ja');
  });

  it('sends the person back to sign-in, saying why, when the host no longer knows the session', async () => {
    const shell = new AppShell(app.page, ja);
    await shell.link('nav.audit').waitFor();
    await app.page.evaluate(() => sessionStorage.setItem('backoffice.session', 'forgotten-by-the-host'));
    // From Today back to the audit log: its read goes out again, with a session the host does not know.
    await shell.goTo('nav.today');
    await shell.goToAuditLog();
    const signIn = new SignInPage(app.page, ja);
    await signIn.heading.waitFor();
    expect(await signIn.notice.textContent()).toBe(ja['refusal.unauthenticated']);
  });
});
