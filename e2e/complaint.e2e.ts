/**
 * A complaint in the browser: the agent sees the first-reply deadline and the
 * repeat warning, records responsibility and an action and finishes it; closing
 * is refused until quality verifies, then succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsset, createCustomer, createWorkOrder, teamId } from '../test/factories.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const AGENT = { username: 'zhou.kefu', password: 'agent-password-1', displayName: '周客服' };
const QUALITY = { username: 'wu.zhijian', password: 'quality-password-1', displayName: '吴质检' };
const CUSTOMER = { username: 'yongjiang.it', password: 'customer-password-1', displayName: '甬江信息部' };

describe.skipIf(!hasChromium)('complaint handling in the browser', () => {
  let kit: BrowserKit;
  let orderId: string;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    const service = await teamId(admin, 'service');
    expect((await admin.post('/api/v1/users', { ...AGENT, role: 'agent', teamIds: [service] })).status).toBe(201);
    expect((await admin.post('/api/v1/users', { ...QUALITY, role: 'quality', teamIds: [service] })).status).toBe(201);
    const customer = await createCustomer(admin, { name: '宁波甬江物流' });
    expect((await admin.post('/api/v1/users', { ...CUSTOMER, role: 'customer', customerId: customer.id })).status).toBe(201);
    const asset = await createAsset(admin, customer.id, { name: '分拣机 A1' });
    const complaint = { typeKey: 'complaint', teamId: service, assetId: asset.id };
    await createWorkOrder(admin, customer.id, { ...complaint, subject: '分拣机再次停机' });
    orderId = (await createWorkOrder(admin, customer.id, { ...complaint, subject: '维修后分拣机仍频繁停机' })).id;
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('records responsibility and an action, and closes only after quality verified it', async () => {
    const page = await kit.newPage();
    await logIn(page, AGENT.username, AGENT.password);
    await page.waitForURL('**/workspace');
    await page.goto(`/work-orders/${orderId}`);
    const panel = page.getByTestId('complaint-panel');
    await panel.waitFor();
    await expect(page.getByTestId('first-reply-state').textContent()).resolves.toMatch(/^首次答复剩余/);
    await page.getByTestId('complaint-repeat').waitFor();

    await page.getByTestId('complaint-fault').getByText('我方责任', { exact: true }).click();
    await page.getByTestId('complaint-decide').click();
    await page.getByText('已保存').first().waitFor();

    await page.getByTestId('action-description').fill('更换分拣机主控板并复测一周');
    await page.getByTestId('action-owner').click();
    await page.locator('.ant-select-item-option', { hasText: AGENT.displayName }).click();
    await page.getByTestId('action-due').fill('2030-01-31');
    await page.getByTestId('action-add').click();
    await panel.getByRole('cell', { name: '更换分拣机主控板并复测一周' }).waitFor();
    await panel.locator('[data-testid^=action-status-]').click();
    await page.locator('.ant-select-item-option', { hasText: '已完成' }).click();
    await panel.locator('[data-testid^=action-status-]', { hasText: '已完成' }).waitFor();

    await page.getByTestId('complaint-final-reply').fill('已更换主控板，连续运行一周无停机。');
    await page.getByTestId('complaint-final-reply-send').click();
    await page.getByTestId('complaint-final-reply-text').filter({ hasText: '已更换主控板' }).waitFor();

    await page.getByRole('button', { name: '转为「已关闭」' }).click();
    await page.getByText('投诉须经质检验证整改有效后才能关闭').waitFor();
    await kit.screenshot(page, 'complaint-panel');

    const quality = await kit.newPage();
    await logIn(quality, QUALITY.username, QUALITY.password);
    await quality.waitForURL('**/workspace');
    await quality.goto(`/work-orders/${orderId}`);
    await quality.getByTestId('complaint-verify').click();
    await quality.getByTestId('complaint-verification').filter({ hasText: '有效' }).waitFor();
    await quality.getByRole('button', { name: '转为「已关闭」' }).click();
    await quality.locator('.ant-tag', { hasText: '已关闭' }).first().waitFor();

    // The customer reads the final reply in the portal and rates the handling.
    const customer = await kit.newPage({ phone: true });
    await logIn(customer, CUSTOMER.username, CUSTOMER.password);
    await customer.waitForURL('**/portal');
    await customer.goto(`/portal/work-orders/${orderId}`);
    await customer.getByTestId('complaint-final-reply-text').filter({ hasText: '已更换主控板' }).waitFor();
    expect(await customer.getByTestId('complaint-verify').count()).toBe(0);
    await customer.getByTestId('complaint-rate').locator('.ant-rate-star').nth(3).click();
    await customer.getByTestId('complaint-rate-save').click();
    await customer.getByText('已保存').first().waitFor();
    await kit.screenshot(customer, 'complaint-portal');
  });
});
