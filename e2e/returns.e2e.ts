/**
 * A return/exchange form in the browser: the agent registers it on a return
 * order, corrects its items before the goods arrive (change, add, remove), the
 * warehouse count goes in and the items lock, quality inspects, the agent decides an
 * in-warranty exchange, ships the replacement and closes the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsset, createCustomer, createWorkOrder, teamId } from '../test/factories.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const AGENT = { username: 'sun.cangku', password: 'agent-password-1', displayName: '孙仓管' };
const QUALITY = { username: 'zheng.zhijian', password: 'quality-password-1', displayName: '郑质检' };

describe.skipIf(!hasChromium)('return form in the browser', () => {
  let kit: BrowserKit;
  let orderId: string;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    const repair = await teamId(admin, 'repair');
    expect((await admin.post('/api/v1/users', { ...AGENT, role: 'agent', teamIds: [repair] })).status).toBe(201);
    expect((await admin.post('/api/v1/users', { ...QUALITY, role: 'quality', teamIds: [repair] })).status).toBe(201);
    const customer = await createCustomer(admin, { name: '嘉兴南湖印务' });
    const asset = await createAsset(admin, customer.id, { kind: 'product', name: '扫描枪 S3', warrantyEnd: '2099-12-31' });
    orderId = (await createWorkOrder(admin, customer.id, { typeKey: 'return', teamId: repair, assetId: asset.id, subject: '扫描枪无法识别条码' })).id;
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('registers the form and takes it through receipt, inspection, decision, shipment and closure', async () => {
    const page = await kit.newPage();
    await logIn(page, AGENT.username, AGENT.password);
    await page.waitForURL('**/workspace');
    await page.goto(`/work-orders/${orderId}`);
    await expect(page.getByTestId('rma-item-product').inputValue()).resolves.toBe('扫描枪 S3');
    await page.getByTestId('rma-create').click();
    const panel = page.getByTestId('rma-panel');
    await panel.locator('.ant-tag', { hasText: '保内' }).waitFor();

    // Before the goods arrive: the customer sends three, not one, plus a cradle that turns out to stay home.
    const editor = panel.getByTestId('rma-items-editor');
    await editor.getByTestId('rma-item-edit').click();
    await editor.getByTestId('rma-edit-quantity').first().fill('3');
    await editor.getByTestId('rma-item-save').click();
    await editor.getByText('扫描枪 S3 × 3').waitFor();
    const addRow = editor.getByTestId('rma-item-add-row');
    await addRow.getByTestId('rma-edit-product').fill('扫描枪底座');
    await addRow.getByTestId('rma-edit-serial').fill('CR-77');
    await addRow.getByTestId('rma-item-add').click();
    await editor.getByText('扫描枪底座 · CR-77 × 1').waitFor();
    // The cradle has no asset, so the form is no longer all in warranty.
    await panel.locator('.ant-tag', { hasText: '保外' }).waitFor();
    await kit.screenshot(page, 'rma-items-editor');
    await editor.getByRole('row', { name: /扫描枪底座/ }).getByTestId('rma-item-remove').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s?定|OK/ }).click();
    await editor.getByText('扫描枪底座').waitFor({ state: 'detached' });
    await panel.locator('.ant-tag', { hasText: '保内' }).waitFor();

    // The receipt count starts from the corrected quantity; after receipt the items are locked.
    await page.getByTestId('rma-receive').click();
    await panel.locator('.ant-tag', { hasText: '已收货' }).waitFor();
    expect(await panel.getByTestId('rma-items-editor').count()).toBe(0);
    const admin = await kit.server.admin();
    const received = (await admin.get(`/api/v1/work-orders/${orderId}/rma`)).body;
    expect(received.items).toEqual([expect.objectContaining({ product: '扫描枪 S3', quantity: 3, receivedQuantity: 3, quantityMismatch: false })]);
    const locked = await admin.patch(`/api/v1/work-orders/${orderId}/rma/items/${received.items[0].id}`, { quantity: 4 });
    expect(locked.body.error.code).toBe('RMA_ITEMS_LOCKED');
    await panel.getByText('等待质检检验').waitFor();

    const quality = await kit.newPage();
    await logIn(quality, QUALITY.username, QUALITY.password);
    await quality.waitForURL('**/workspace');
    await quality.goto(`/work-orders/${orderId}`);
    const qPanel = quality.getByTestId('rma-panel');
    await qPanel.locator('.ant-select').click();
    await quality.locator('.ant-select-item-option', { hasText: '确认故障' }).click();
    await qPanel.getByRole('button', { name: '提交检验结果' }).click();
    await qPanel.locator('.ant-tag', { hasText: '已检验' }).waitFor();

    await page.reload();
    await panel.getByRole('button', { name: '确定处理方式' }).click();
    await panel.locator('.ant-tag', { hasText: '已决定' }).waitFor();
    await panel.getByPlaceholder('承运商').fill('顺丰');
    await panel.getByPlaceholder('运单号').fill('SF1234567890');
    await panel.getByRole('button', { name: /^发\s?货$/ }).click();
    await panel.getByText('顺丰 SF1234567890').waitFor();
    await panel.getByRole('button', { name: '关闭退换修单' }).click();
    await panel.locator('.ant-tag', { hasText: '已关闭' }).waitFor();
    await kit.screenshot(page, 'rma-panel');
  });
});
