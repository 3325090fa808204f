/**
 * The customer portal on a phone: a customer's user opens a request on one of
 * their devices with a photo attached (a file the server refuses is named),
 * sees it in their list and replies; staff see the same work order; another
 * organisation's user cannot open it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type BrowserKit, CHROMIUM, hasChromium, logIn, modalOk, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const PORTAL_USER = { username: 'chen.kehu', password: 'portal-password-1', displayName: '陈女士' };
const OTHER_USER = { username: 'other.kehu', password: 'portal-password-2', displayName: '别家客户' };
// A 1×1 PNG: the server checks that an image really is one.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe.skipIf(!hasChromium)('customer portal in the browser', () => {
  let kit: BrowserKit;
  let customerId: string;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    customerId = (await admin.post('/api/v1/customers', { name: '宁波港湾物流有限公司' })).body.id;
    await admin.post(`/api/v1/customers/${customerId}/assets`, { kind: 'device', name: '电动叉车 3 号', model: 'CPD30', serial: 'FL-0003' });
    const other = await admin.post('/api/v1/customers', { name: '别家公司' });
    // Another organisation's device must never be offered to this customer.
    await admin.post(`/api/v1/customers/${other.body.id}/assets`, { kind: 'device', name: '别家的叉车' });
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
    await page.locator('#assetId').click();
    const assetOptions = page
      .locator('.ant-select-dropdown')
      .filter({ hasText: '电动叉车 3 号' })
      .locator('.ant-select-item-option');
    await assetOptions.first().waitFor();
    expect(await assetOptions.allInnerTexts()).toEqual(['电动叉车 3 号 · CPD30 · FL-0003']);
    expect(await page.getByText('别家的叉车').count()).toBe(0);
    await assetOptions.first().click();
    await page.locator('input[type=file]').setInputFiles([
      { name: '叉车仪表盘.png', mimeType: 'image/png', buffer: PNG },
      { name: '诊断工具.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    await page.getByText('诊断工具.exe').waitFor();
    await page.getByTestId('portal-submit').click();
    await page.getByTestId('work-order-title').filter({ hasText: '叉车无法启动' }).waitFor();
    const workOrderUrl = page.url();
    // The request page shows the device, the photo, and names the file the server refused.
    await page.getByTestId('portal-work-order-asset').filter({ hasText: '电动叉车 3 号' }).waitFor();
    await page.getByRole('link', { name: '叉车仪表盘.png' }).waitFor();
    await page.getByRole('img', { name: '叉车仪表盘.png' }).waitFor();
    await page.getByTestId('portal-upload-failures').filter({ hasText: '诊断工具.exe' }).waitFor();
    expect(await page.getByRole('link', { name: '诊断工具.exe' }).count()).toBe(0);

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
    const order = (await admin.get(`/api/v1/work-orders/${list.items[0].id}`)).body;
    expect(order.asset).toMatchObject({ name: '电动叉车 3 号' });
    const files = (await admin.get(`/api/v1/work-orders/${order.id}/attachments`)).body.items;
    expect(files.map((f: { filename: string; public: boolean }) => [f.filename, f.public])).toEqual([['叉车仪表盘.png', true]]);

    const other = await kit.newPage({ phone: true });
    await logIn(other, OTHER_USER.username, OTHER_USER.password);
    await other.waitForURL('**/portal');
    await other.goto(new URL(workOrderUrl).pathname);
    await other.getByText('404').waitFor();
    expect(await other.getByText('叉车无法启动').count()).toBe(0);
  });
});
