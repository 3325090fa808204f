/**
 * A technician's repair day on a phone: today's visits in appointment order →
 * arrive → quote from the price list → the customer signs on the phone → resolved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsset, createContact, createCustomer, createPriceItem, createStockItem, createWorkOrder, teamId, todayAt } from '../test/factories.ts';
import { codeIn, type SmsGateway, startSmsGateway } from '../test/smsGateway.ts';
import { ADMIN_PASSWORD, type BrowserKit, CHROMIUM, hasChromium, logIn, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const TECH = { username: 'qian.gong', password: 'tech-password-1', displayName: '钱工' };

describe.skipIf(!hasChromium)('technician phone view', () => {
  let kit: BrowserKit;
  let orderId: string;
  let undispatchedId: string;
  let techId: string;
  let afternoonId: string;
  let stockId: string;
  let codeOrderId: string;
  let customOrderId: string;
  let gateway: SmsGateway;
  beforeAll(async () => {
    // A real SMS gateway on this machine: the confirmation code reaches it as it would a phone.
    gateway = await startSmsGateway();
    kit = await startBrowserKit({ KEFU_SMS_WEBHOOK_URL: gateway.url });
    const admin = await kit.server.admin();
    const repair = await teamId(admin, 'repair');
    const tech = await admin.post('/api/v1/users', { ...TECH, role: 'technician', teamIds: [repair] });
    expect(tech.status).toBe(201);
    techId = tech.body.id;
    await createPriceItem(admin, { name: '上门检测', unit: '次', priceCents: 8050, category: 'travel' });
    const dispatch = async (name: string, subject: string, hour: number) => {
      const customer = await createCustomer(admin, { name, address: '滨江区江南大道 100 号' });
      const contact = await createContact(admin, customer.id, { name: '孙经理', phones: ['13900001111'] });
      const asset = await createAsset(admin, customer.id, { name: '空压机', model: 'AC-7', warrantyEnd: '2020-12-31' });
      const order = await createWorkOrder(admin, customer.id, { typeKey: 'repair', subject, teamId: repair, contactId: contact.id, assetId: asset.id });
      const res = await admin.post(`/api/v1/work-orders/${order.id}/repair/dispatch`, {
        technicianId: tech.body.id,
        appointmentStart: todayAt(hour),
        appointmentEnd: todayAt(hour + 1),
      });
      expect(res.status).toBe(200);
      return order.id as string;
    };
    afternoonId = await dispatch('杭州恒远机械', '下午：传送带跑偏', 15);
    stockId = (await createStockItem(admin, 2, { name: '启动电容' })).id;
    codeOrderId = await dispatch('杭州新风环保', '晚上：风机振动', 19);
    orderId = await dispatch('杭州精工制造', '上午：空压机不启动', 9);
    // Tomorrow at 10:00, so today's list keeps its three visits.
    customOrderId = await dispatch('杭州明达电子', '明天：控制柜报警', 34);
    const customer = await createCustomer(admin, { name: '宁波港务' });
    undispatchedId = (await createWorkOrder(admin, customer.id, { typeKey: 'repair', subject: '龙门吊限位失灵', teamId: repair })).id;
  });
  afterAll(async () => {
    await kit?.close();
    await gateway?.close();
  });

  it('lists today, arrives, quotes, takes the signature and resolves', async () => {
    const page = await kit.newPage({ phone: true });
    await logIn(page, TECH.username, TECH.password);
    await page.waitForURL('**/workspace');
    await page.goto('/technician');
    const visits = page.getByTestId('technician-visit');
    await visits.first().waitFor();
    expect(await visits.count()).toBe(3);
    await expect.poll(() => visits.first().textContent()).toContain('杭州精工制造');
    expect(await visits.first().textContent()).toContain('13900001111');
    await kit.screenshot(page, 'phone-technician-today');

    await visits.first().click();
    await page.waitForURL(`**/technician/${orderId}`);
    await page.getByTestId('warranty').getByText('已过保').waitFor();
    await page.getByTestId('arrive').click();
    await page.getByTestId('visit-status').getByText('已到场').waitFor();

    await page.getByTestId('findings').fill('启动电容击穿');
    await page.getByTestId('record').click();

    await page.getByTestId('stock-item').click();
    await page.locator('.ant-select-item-option', { hasText: '启动电容' }).click();
    await page.getByRole('button', { name: '登记用料' }).click();
    await page.getByText('启动电容 × 1个').waitFor();

    await page.getByTestId('price-item').click();
    await page.locator('.ant-select-item-option', { hasText: '上门检测' }).click();
    await page.getByTestId('add-line').click();
    await page.getByTestId('quote-charged').getByText('¥80.50').waitFor();
    await page.getByTestId('quote-accept').click();
    await page.getByText('客户已确认报价').waitFor();

    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('no signature pad');
    await page.mouse.move(box.x + 20, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 100, { steps: 8 });
    await page.mouse.move(box.x + 220, box.y + 50, { steps: 8 });
    await page.mouse.up();
    await page.getByTestId('signature-save').click();
    await page.getByTestId('accepted').waitFor();
    await kit.screenshot(page, 'phone-technician-visit');

    await page.getByTestId('resolve').click();
    await page.getByText('已解决').first().waitFor();

    const admin = await kit.server.admin();
    const order = (await admin.get(`/api/v1/work-orders/${orderId}`)).body;
    expect(order.status.key).toBe('resolved');
    const repair = (await admin.get(`/api/v1/work-orders/${orderId}/repair`)).body;
    expect(repair).toMatchObject({ acceptance: { accepted: true, method: 'signature' }, quote: { chargedCents: 8050, decision: 'accepted' } });
    expect(repair.visits[0]).toMatchObject({ status: 'on_site', findings: '启动电容击穿' });
    const stock = (await admin.get('/api/v1/stock-items')).body.items.find((i: { id: string }) => i.id === stockId);
    expect(stock.quantityOnHand).toBe(1);
  });

  it('nobody home: the technician leaves a note and rebooks; the order stays open', async () => {
    const page = await kit.newPage({ phone: true });
    await logIn(page, TECH.username, TECH.password);
    await page.waitForURL('**/workspace');
    await page.goto(`/technician/${afternoonId}`);
    await page.getByTestId('depart').click();
    await page.getByTestId('visit-status').getByText('在途').waitFor();
    await page.getByRole('button', { name: '无人在家' }).click();
    await page.getByPlaceholder('留言内容').fill('门卫处留了联系卡');
    await page.getByLabel('预约开始').fill('2030-05-07T09:00');
    await page.getByLabel('预约结束').fill('2030-05-07T10:00');
    await page.getByRole('button', { name: '记录并改约' }).click();
    await page.getByTestId('visit-status').getByText('待出发').waitFor();

    const admin = await kit.server.admin();
    const repair = (await admin.get(`/api/v1/work-orders/${afternoonId}/repair`)).body;
    expect(repair.visits.map((v: { status: string }) => v.status)).toEqual(['nobody_home', 'scheduled']);
    expect(repair.visits[0].noteLeft).toBe('门卫处留了联系卡');
    expect((await admin.get(`/api/v1/work-orders/${afternoonId}`)).body.statusCategory).toBe('open');
  });

  it('the office dispatches a repair from its work order page', async () => {
    const page = await kit.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL('**/workspace');
    await page.goto(`/work-orders/${undispatchedId}`);
    const panel = page.getByTestId('repair-panel');
    await panel.getByTestId('repair-dispatch').waitFor();
    await panel.locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: TECH.displayName }).click();
    await panel.getByLabel('预约开始').fill('2030-05-06T09:00');
    await panel.getByLabel('预约结束').fill('2030-05-06T11:00');
    await panel.getByTestId('repair-dispatch-submit').click();
    await panel.getByText('待出发').waitFor();
    await kit.screenshot(page, 'repair-panel');

    const admin = await kit.server.admin();
    const repair = (await admin.get(`/api/v1/work-orders/${undispatchedId}/repair`)).body;
    expect(repair).toMatchObject({ dispatched: true, technician: { id: techId } });
    expect(repair.visits).toHaveLength(1);
  });

  it('a custom quote line on the phone waits for approval; at the desk a line is removed and the materials show their stock movements', async () => {
    const page = await kit.newPage({ phone: true });
    await logIn(page, TECH.username, TECH.password);
    await page.waitForURL('**/workspace');
    await page.goto(`/technician/${customOrderId}`);
    await page.getByTestId('custom-line-open').click();
    const form = page.getByTestId('custom-line');
    await form.getByPlaceholder('项目说明').fill('非标支架加工');
    await form.getByPlaceholder('单位').fill('件');
    await form.getByLabel('数量').fill('2');
    await form.getByPlaceholder('单价（元）').fill('45.5');
    await page.getByTestId('custom-line-add').click();
    const custom = page.getByTestId('quote-line').filter({ hasText: '非标支架加工 × 2件' });
    await custom.getByText('待主管审批').waitFor();
    await page.getByTestId('quote-charged').getByText('¥91.00').waitFor();
    await page.getByTestId('price-item').click();
    await page.locator('.ant-select-item-option', { hasText: '上门检测' }).click();
    await page.getByTestId('add-line').click();
    await page.getByTestId('quote-charged').getByText('¥171.50').waitFor();
    // The customer cannot accept while a custom line waits for a supervisor.
    await page.getByTestId('quote-accept').click();
    await page.getByText('报价中有待主管审批的自定义项目').waitFor();
    await kit.screenshot(page, 'phone-custom-quote-line');

    const admin = await kit.server.admin();
    expect((await admin.post(`/api/v1/work-orders/${customOrderId}/repair/materials`, { stockItemId: stockId, quantity: 1 })).status).toBe(200);

    const desk = await kit.newPage();
    await logIn(desk, 'admin', ADMIN_PASSWORD);
    await desk.waitForURL('**/workspace');
    await desk.goto(`/work-orders/${customOrderId}`);
    const panel = desk.getByTestId('repair-panel');
    const deskCustom = panel.getByTestId('repair-quote-line').filter({ hasText: '非标支架加工' });
    await deskCustom.getByRole('button', { name: '审批通过' }).click();
    await deskCustom.getByRole('button', { name: '审批通过' }).waitFor({ state: 'detached' });
    await panel.getByTestId('repair-quote-line').filter({ hasText: '上门检测' }).getByRole('button', { name: /删\s?除/ }).click();
    await desk.locator('.ant-popconfirm').getByRole('button', { name: /确\s?定|OK/ }).click();
    await panel.getByTestId('repair-quote-line').filter({ hasText: '上门检测' }).waitFor({ state: 'detached' });
    await panel.getByText('应收 ¥91.00').waitFor();
    const movements = panel.getByTestId('repair-stock-movements');
    await movements.getByText('维修领用').waitFor();
    await movements.getByText('-1个').waitFor();
    await movements.getByText('系统管理员').waitFor();
    await kit.screenshot(desk, 'repair-panel-quote-materials');

    const repair = (await admin.get(`/api/v1/work-orders/${customOrderId}/repair`)).body;
    expect(repair.quote.lines).toEqual([
      expect.objectContaining({ priceItemId: null, name: '非标支架加工', unit: '件', quantity: 2, unitPriceCents: 4550, approval: 'approved' }),
    ]);
    expect(repair.stockMovements).toEqual([expect.objectContaining({ reason: 'material_used', delta: -1 })]);
  });

  it('the administrator keeps the price list (exact yuan); a manager keeps the stock, whose movements everyone on staff can follow', async () => {
    const page = await kit.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL('**/workspace');
    await page.goto('/admin/repair-config');
    await page.getByPlaceholder('编码').first().fill('FW-088');
    await page.getByPlaceholder('名称').first().fill('更换显示屏');
    await page.getByPlaceholder('单位').first().fill('次');
    await page.getByPlaceholder('单价（元）').fill('120.3');
    await page.getByTestId('price-create').click();
    await page.getByRole('cell', { name: '¥120.30' }).waitFor();

    await kit.screenshot(page, 'repair-config');
    const admin = await kit.server.admin();
    const item = (await admin.get('/api/v1/price-items')).body.items.find((i: { code: string }) => i.code === 'FW-088');
    expect(item).toMatchObject({ priceCents: 12030, category: 'labour' });

    // Stock is not an administrator's page alone: a manager keeps it.
    const manager = { username: 'li.jingli', password: 'manager-password-1', displayName: '李经理' };
    expect((await admin.post('/api/v1/users', { ...manager, role: 'manager' })).status).toBe(201);
    const mPage = await kit.newPage();
    await logIn(mPage, manager.username, manager.password);
    await mPage.waitForURL('**/workspace');
    await mPage.getByRole('menuitem', { name: '库存' }).click();
    await mPage.waitForURL('**/stock');
    await mPage.getByPlaceholder('编码').fill('WL-001');
    await mPage.getByPlaceholder('名称').fill('保险丝');
    await mPage.getByPlaceholder('单位').fill('只');
    await mPage.getByPlaceholder('现有数量').fill('10');
    await mPage.getByTestId('stock-create').click();
    const row = mPage.getByRole('row', { name: /WL-001/ });
    await row.getByText('10只').waitFor();
    await row.getByPlaceholder('±').fill('-3');
    await row.getByPlaceholder('调整原因').fill('月度盘点');
    await row.getByTestId('stock-adjust').click();
    await row.getByText('7只').waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    const moves = mPage.getByTestId('stock-movements');
    await moves.getByRole('row', { name: /月度盘点/ }).getByText('-3只').waitFor();
    await moves.getByRole('row', { name: /月度盘点/ }).getByText(manager.displayName).waitFor();
    await kit.screenshot(mPage, 'stock-page');

    // A technician reads the stock and follows a part to the order it went to, but adjusts nothing.
    const tPage = await kit.newPage();
    await logIn(tPage, TECH.username, TECH.password);
    await tPage.waitForURL('**/workspace');
    await tPage.goto('/stock');
    await tPage.getByText('您可以查看库存').waitFor();
    expect(await tPage.getByTestId('stock-create').count()).toBe(0);
    const capacitor = tPage.getByRole('row', { name: /启动电容/ });
    expect(await capacitor.getByTestId('stock-adjust').count()).toBe(0);
    await capacitor.locator('.ant-table-row-expand-icon').click();
    const used = tPage.getByTestId('stock-movements').getByRole('row', { name: /维修领用/ }).first();
    await used.getByRole('link').click();
    await tPage.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
  });

  it('accepts with a confirmation code sent to the contact', async () => {
    const page = await kit.newPage({ phone: true });
    await logIn(page, TECH.username, TECH.password);
    await page.waitForURL('**/workspace');
    await page.goto(`/technician/${codeOrderId}`);
    await page.getByTestId('arrive').click();
    await page.getByTestId('visit-status').getByText('已到场').waitFor();
    await page.getByTestId('code-send').click();
    await page.getByPlaceholder('6 位确认码').waitFor();
    const admin = await kit.server.admin();
    const { number } = (await admin.get(`/api/v1/work-orders/${codeOrderId}`)).body;
    const sms = await gateway.take((m) => m.text.includes(number));
    expect(sms.to).toBe('13900001111');
    // The phone tells the technician the SMS went out (the status line refreshes by itself).
    await page.getByTestId('code-sms-status').filter({ hasText: '短信已发送至 *******1111' }).waitFor();
    await page.getByPlaceholder('6 位确认码').fill(codeIn(sms));
    await page.getByTestId('code-verify').click();
    await page.getByTestId('accepted').waitFor();
    const repair = (await admin.get(`/api/v1/work-orders/${codeOrderId}/repair`)).body;
    expect(repair.acceptance).toMatchObject({ accepted: true, method: 'code' });
  });
});
