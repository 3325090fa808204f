/**
 * First browser flow: an administrator logs in, switches the language and
 * back, creates a team and a user in it, and logs out; plus the login error
 * and the phone layout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type BrowserKit, hasChromium, CHROMIUM, logIn, modalOk, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM} (apt-get install chromium fonts-wqy-zenhei)`);

describe.skipIf(!hasChromium)('admin console in the browser', () => {
  let kit: BrowserKit;
  beforeAll(async () => {
    kit = await startBrowserKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('logs in, switches language, creates a team and a user, logs out', async () => {
    const page = await kit.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await expect(page.getByTestId('login-submit').textContent()).resolves.toMatch(/登\s?录/);
    await kit.screenshot(page, 'login');

    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL('**/workspace');
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe('系统管理员');
    await page.getByRole('menuitem', { name: '工作台' }).waitFor();

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-en').click();
    await page.getByRole('menuitem', { name: 'Workspace' }).waitFor();
    await kit.screenshot(page, 'workspace-en');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-zh-CN').click();
    await page.getByRole('menuitem', { name: '工作台' }).waitFor();

    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('menuitem', { name: '团队' }).click();
    await page.waitForURL('**/admin/teams');
    await page.getByTestId('team-create').click();
    await page.getByTestId('team-name').fill('一线支持');
    await modalOk(page).click();
    await page.getByRole('cell', { name: '一线支持' }).waitFor();

    await page.getByRole('menuitem', { name: '用户' }).click();
    await page.waitForURL('**/admin/users');
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill('zhangsan');
    await page.getByTestId('user-displayName').fill('张三');
    await page.getByTestId('user-password').fill('zhangsan-pass-1');
    await page
      .locator('.ant-modal-wrap:visible .ant-select')
      .filter({ has: page.locator('#teamIds') })
      .click();
    await page.locator('.ant-select-item-option', { hasText: '一线支持' }).click();
    await modalOk(page).click();
    await page.getByRole('cell', { name: '张三' }).waitFor();
    await kit.screenshot(page, 'admin-users');

    // What the user saw is what the server stored.
    const admin = await kit.server.admin();
    const { body } = await admin.get('/api/v1/users?q=zhangsan');
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ displayName: '张三', role: 'agent', teams: [{ name: '一线支持' }] });

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.goto('/admin/users');
    await page.waitForURL('**/login?next=%2Fadmin%2Fusers');
  });

  it('shows the server message for a wrong password, in the chosen language', async () => {
    const page = await kit.newPage();
    await logIn(page, 'admin', 'wrong-password');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-en').click();
    await page.getByTestId('login-submit').click();
    await page.getByText('Wrong username or password').waitFor();
  });

  it('puts the menu in a drawer at phone width', async () => {
    const page = await kit.newPage({ phone: true });
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL('**/workspace');
    await page.getByTestId('menu-toggle').click();
    await page.getByRole('menuitem', { name: '客户档案' }).waitFor();
    await kit.screenshot(page, 'phone-menu');
  });
});
