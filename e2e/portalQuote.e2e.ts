/**
 * The repair quote in the customer portal, on a phone: the customer sees each
 * line free under warranty or charged, the total and what they pay, accepts
 * the quote, and the technician's view shows it accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsset, createCustomer, createPriceItem, createWorkOrder, shanghaiDay, teamId, todayAt } from '../test/factories.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const CUSTOMER = { username: 'zhou.kehu', password: 'portal-password-3', displayName: '周经理' };

describe.skipIf(!hasChromium)('repair quote in the customer portal', () => {
  let kit: BrowserKit;
  let orderId: string;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    const repair = await teamId(admin, 'repair');
    const tech = await admin.post('/api/v1/users', { username: 'wu.gong', password: 'tech-password-2', displayName: '吴工', role: 'technician', teamIds: [repair] });
    const customer = await createCustomer(admin, { name: '绍兴纺织机械厂' });
    await admin.post('/api/v1/users', { ...CUSTOMER, role: 'customer', customerId: customer.id });
    // In warranty: labour and parts are free, the call-out is charged.
    const asset = await createAsset(admin, customer.id, { name: '织机 7 号', warrantyEnd: shanghaiDay(60) });
    const order = await createWorkOrder(admin, customer.id, { typeKey: 'repair', subject: '织机断经停车', teamId: repair, assetId: asset.id });
    orderId = order.id;
    await admin.post(`/api/v1/work-orders/${orderId}/repair/dispatch`, { technicianId: tech.body.id, appointmentStart: todayAt(9), appointmentEnd: todayAt(11) });
    const techClient = await kit.server.client().login('wu.gong', 'tech-password-2');
    const labour = await createPriceItem(admin, { name: '织机检修', unit: '次', priceCents: 30000, category: 'labour' });
    const travel = await createPriceItem(admin, { name: '上门服务费', unit: '次', priceCents: 6050, category: 'travel' });
    for (const item of [labour, travel]) {
      const res = await techClient.post(`/api/v1/work-orders/${orderId}/repair/quote/lines`, { priceItemId: item.id, quantity: 1 });
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('shows the quote with free and charged lines, and the customer accepts it', async () => {
    const page = await kit.newPage({ phone: true });
    await logIn(page, CUSTOMER.username, CUSTOMER.password);
    await page.waitForURL('**/portal');
    await page.getByRole('link', { name: '织机断经停车' }).click();
    const quote = page.getByTestId('portal-quote');
    await quote.waitFor();
    const lines = quote.getByTestId('portal-quote-line');
    await expect.poll(() => lines.count()).toBe(2);
    await lines.filter({ hasText: '织机检修' }).getByText('保修免费').waitFor();
    await lines.filter({ hasText: '上门服务费' }).getByText('收费', { exact: true }).waitFor();
    expect(await quote.getByTestId('portal-quote-total').textContent()).toBe('¥360.50');
    expect(await quote.getByTestId('portal-quote-charged').textContent()).toBe('¥60.50');
    await kit.screenshot(page, 'portal-quote');

    await quote.getByTestId('portal-quote-accept').click();
    const confirm = page.locator('.ant-modal-confirm:visible');
    await confirm.locator('.ant-modal-confirm-title').filter({ hasText: '接受这份报价？您需支付 ¥60.50' }).waitFor();
    await confirm.getByRole('button', { name: '接受报价' }).click();
    await quote.getByTestId('portal-quote-decision').filter({ hasText: '已接受报价' }).waitFor();
    expect(await quote.getByTestId('portal-quote-accept').count()).toBe(0);
    // The timeline tells the customer too.
    await page.getByTestId('timeline').getByText('记录客户确认报价').waitFor();

    const admin = await kit.server.admin();
    const repair = (await admin.get(`/api/v1/work-orders/${orderId}/repair`)).body;
    expect(repair.quote).toMatchObject({ decision: 'accepted', chargedCents: 6050 });
  });
});
