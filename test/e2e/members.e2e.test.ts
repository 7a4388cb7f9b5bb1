import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembersPage } from './pages/members-page';
import { MemberFormPage } from './pages/member-form-page';
import { SignInPage } from './pages/sign-in-page';
import { en, ja, say } from './pages/words';
import { startApp, type E2eApp } from './support/harness';
import { FILLER_MEMBERS, SALES, seedMembers } from './support/seed';

describe('members, as a sales operator', () => {
  let app: E2eApp;
  let tanakaDenki: string;
  beforeAll(async () => {
    app = await startApp();
    ({ tanakaDenki } = await seedMembers(app.backoffice));
    await app.open();
    const shell = await new SignInPage(app.page, ja).signIn(SALES.login, SALES.password);
    await shell.operator.waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists every member in a virtualised list that loads pages as it scrolls', async () => {
    const members = new MembersPage(app.page, ja);
    await app.page.getByRole('link', { name: ja['nav.members'], exact: true }).click();
    await members.heading.waitFor();
    await expect.poll(() => members.status.textContent()).toBe(say(ja, 'members.count', { count: FILLER_MEMBERS + 2 }));
    // Only the rows in view are in the DOM.
    expect(await members.rows.count()).toBeLessThan(60);
    await app.screenshot('06-members');

    // Scrolling to the end fetches the last page (rows 201–242).
    await app.page.locator('.member-list__scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await members.row('合同会社サンプル240').waitFor();
  });

  it('finds members by name, by half-width kana and by member number as the person types', async () => {
    const members = new MembersPage(app.page, ja);
    await members.searchFor('田中');
    await expect.poll(() => members.status.textContent()).toBe(say(ja, 'members.count', { count: 1 }));
    expect(await members.rows.first().textContent()).toContain('株式会社田中電機');

    await members.searchFor('ﾔﾏﾀﾞ');
    await expect.poll(() => members.rows.first().textContent()).toContain('山田 花子');
    expect(await members.rows.first().textContent()).toContain(ja['members.kind.individual']);

    await members.searchFor(tanakaDenki.replace('M-', ''));
    await expect.poll(() => members.rows.first().textContent()).toContain('株式会社田中電機');

    await members.searchFor('存在しない会社');
    await app.page.getByText(ja['members.none']).waitFor();
  });

  it('opens a member page from the keyboard, with the member’s cloud accounts', async () => {
    const members = new MembersPage(app.page, ja);
    await members.searchFor('田中');
    await expect.poll(() => members.rows.count()).toBe(1);
    const detail = await members.openFirstResultWithKeyboard();
    await expect.poll(() => detail.heading.textContent()).toBe('株式会社田中電機');
    await expect.poll(() => detail.accounts.count()).toBe(2);
    expect(await detail.accounts.allTextContents()).toEqual([
      expect.stringContaining('本番環境'),
      expect.stringContaining('検証環境'),
    ]);
    expect(await app.page.locator('.details').textContent()).toContain('keiri@tanaka-denki.example.jp');
    await app.screenshot('07-member-page');
  });

  it('shows bad input next to its field as it is typed, keeps the draft across screens, then registers', async () => {
    await app.page.goto(`${new URL(app.host.url).origin}/#/members`);
    const members = new MembersPage(app.page, ja);
    const form = await members.startNewMember();
    await form.heading.waitFor();
    await form.fillIn({
      kind: 'corporation',
      name: '株式会社北海物産',
      // Kanji is no kana (katakana of either width and hiragana are, and are kept as the bank writes them).
      nameKana: '北海物産',
      email: 'keiri@hokkai',
    });
    await expect.poll(() => form.errorUnder(form.nameKana).textContent()).toBe(ja['memberForm.error.nameKana']);
    await expect.poll(() => form.errorUnder(form.email).textContent()).toBe(ja['memberForm.error.email']);
    expect(await form.errorUnder(form.name).count()).toBe(0);
    await app.screenshot('08-member-form-errors');

    // In English the same problems read in English, each still under its field.
    await app.page.getByRole('button', { name: en['lang.en'] }).click();
    const english = new MemberFormPage(app.page, en);
    await expect.poll(() => english.errorUnder(english.nameKana).textContent()).toContain('katakana or hiragana');
    await app.page.getByRole('button', { name: ja['lang.ja'] }).click();

    // Away to Today and back: what was typed is still there.
    await app.page.getByRole('link', { name: ja['nav.today'], exact: true }).click();
    await app.page.goBack();
    await form.heading.waitFor();
    expect(await form.name.inputValue()).toBe('株式会社北海物産');

    // Enter with problems sends nothing.
    await form.submit();
    expect(await form.heading.isVisible()).toBe(true);

    await form.fillIn({ nameKana: 'カ）ホッカイブッサン', email: 'keiri@hokkai-bussan.example.jp' });
    await expect.poll(() => form.errorUnder(form.nameKana).count()).toBe(0);
    const detail = await form.submit();
    await expect.poll(() => detail.heading.textContent()).toBe('株式会社北海物産');
    expect(await app.page.locator('#member-title + .mono').textContent()).toBe(
      `M-${String(FILLER_MEMBERS + 3).padStart(6, '0')}`,
    );
  });
});
