/**
 * The customer portal on a phone: a customer's user opens a request, sees it
 * in their list and replies; staff see the same work order; another
 * organisation's user cannot open it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type BrowserKit, CHROMIUM, hasChromium, logIn, modalOk, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const PORTAL_USER = { username: 'chen.kehu', password: 'portal-password-1', displayName: '陈女士' };
const OTHER_USER = { username: 'other.kehu', password: 'portal-password-2', displayName: '别家客户' };

describe.skipIf(!hasChromium)('customer portal in the browser', () => {
  let kit: BrowserKit;
  let customerId: string;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    customerId = (await admin.post('/api/v1/customers', { name: '宁波港湾物流有限公司' })).body.id;
    const other = await admin.post('/api/v1/customers', { name: '别家公司' });
    const res = await admin.post('/api/v1/users', { ...OTHER_USER, role: 'customer', customerId: other.body.id });
    expect(res.status).toBe(201);
  });

  it('lets an administrator open a portal account from the customer page, and shows the history', async () => {
    const page = await kit.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL('**/workspace');
    await page.goto(`/customers/${customerId}`);
    await page.getByRole('tab', { name: '门户账号' }).click();
    await page.getByTestId('portal-account-create').click();
    const modal = page.locator('.ant-modal-wrap:visible');
    await modal.locator('#username').fill(PORTAL_USER.username);
    await modal.locator('#displayName').fill(PORTAL_USER.displayName);
    await modal.locator('#password').fill(PORTAL_USER.password);
    await modalOk(page).click();
    await page.getByRole('cell', { name: PORTAL_USER.username }).waitFor();
    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByText('新建了客户').waitFor();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('lets a customer open a request and reply, and keeps it from other organisations', async () => {
    const page = await kit.newPage({ phone: true });
    await logIn(page, PORTAL_USER.username, PORTAL_USER.password);
    await page.waitForURL('**/portal');
    await page.getByText(`您好，${PORTAL_USER.displayName}`).waitFor();

    await page.getByTestId('portal-new').click();
    await page.locator('#typeKey').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByTestId('portal-subject').fill('叉车无法启动');
    await page.getByTestId('portal-submit').click();
    await page.getByTestId('work-order-title').filter({ hasText: '叉车无法启动' }).waitFor();
    const workOrderUrl = page.url();

    await page.getByTestId('reply-body').fill('今天下午有人在现场');
    await page.getByTestId('reply-send').click();
    await page.getByTestId('timeline').getByText('今天下午有人在现场').waitFor();
    await kit.screenshot(page, 'portal-work-order');

    // A staff page is not for customers: they are sent to the portal.
    await page.goto('/work-orders');
    await page.waitForURL('**/portal');
    await page.getByRole('link', { name: '叉车无法启动' }).waitFor();

    const admin = await kit.server.admin();
    const list = (await admin.get('/api/v1/work-orders?q=叉车')).body;
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ channel: 'portal', customer: { name: '宁波港湾物流有限公司' } });

    const other = await kit.newPage({ phone: true });
    await logIn(other, OTHER_USER.username, OTHER_USER.password);
    await other.waitForURL('**/portal');
    await other.goto(new URL(workOrderUrl).pathname);
    await other.getByText('404').waitFor();
    expect(await other.getByText('叉车无法启动').count()).toBe(0);
  });
});
