/**
 * One work order from the customer's request to closure, across the two sides:
 * a portal user submits it; an agent of the handling team assigns it to
 * themselves, replies, adds an internal note, resolves and closes it; the
 * customer sees the reply but never the note; an agent of another team cannot
 * open the order at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamId } from '../test/factories.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, modalOk, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const AGENT = { username: 'wang.kefu', password: 'agent-password-1', displayName: '王客服' };
const REPAIR_AGENT = { username: 'sun.weixiu', password: 'agent-password-2', displayName: '孙维修' };
const CUSTOMER = { username: 'liu.kehu', password: 'portal-password-1', displayName: '刘先生' };
const REPLY = '已收到，工程师今天下午联系您';
const NOTE = '客户上月同一设备报修过一次，注意排查电源';

describe.skipIf(!hasChromium)('a work order from portal request to closure', () => {
  let kit: BrowserKit;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    const customer = await admin.post('/api/v1/customers', { name: '台州椒江制冷设备厂' });
    expect(customer.status).toBe(201);
    const users = [
      { ...AGENT, role: 'agent', teamIds: [await teamId(admin, 'service')] },
      { ...REPAIR_AGENT, role: 'agent', teamIds: [await teamId(admin, 'repair')] },
      { ...CUSTOMER, role: 'customer', customerId: customer.body.id },
    ];
    for (const user of users) expect((await admin.post('/api/v1/users', user)).status).toBe(201);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('keeps internal notes from the customer and the order from other teams', async () => {
    const portal = await kit.newPage({ phone: true });
    await logIn(portal, CUSTOMER.username, CUSTOMER.password);
    await portal.waitForURL('**/portal');
    await portal.getByTestId('portal-new').click();
    await portal.locator('#typeKey').click();
    await portal.locator('.ant-select-item-option', { hasText: '咨询' }).click();
    await portal.getByTestId('portal-subject').fill('冷库温度显示异常');
    await portal.getByTestId('portal-submit').click();
    await portal.getByTestId('work-order-title').filter({ hasText: '冷库温度显示异常' }).waitFor();
    const orderId = new URL(portal.url()).pathname.split('/').at(-1)!;

    const desk = await kit.newPage();
    await logIn(desk, AGENT.username, AGENT.password);
    await desk.waitForURL('**/workspace');
    await desk.goto(`/work-orders/${orderId}`);
    await desk.getByTestId('work-order-title').filter({ hasText: '冷库温度显示异常' }).waitFor();
    await desk.getByRole('button', { name: '分派给我' }).click();
    await desk.getByTestId('timeline').getByText('分派了工单').waitFor();

    await desk.getByTestId('reply-body').fill(REPLY);
    await desk.getByTestId('reply-send').click();
    await desk.getByTestId('timeline').getByText(REPLY).waitFor();
    await desk.getByText('内部备注', { exact: true }).click();
    await desk.getByTestId('reply-body').fill(NOTE);
    await desk.getByTestId('reply-send').click();
    await desk.getByTestId('timeline').getByText(NOTE).waitFor();

    await desk.getByRole('button', { name: '转为「已解决」' }).click();
    await desk.getByRole('button', { name: '转为「已关闭」' }).click();
    await desk.locator('.ant-tag', { hasText: '已关闭' }).first().waitFor();

    await portal.reload();
    await portal.getByTestId('timeline').getByText(REPLY).waitFor();
    expect(await portal.getByText(NOTE).count()).toBe(0);
    await portal.locator('.ant-tag', { hasText: '已关闭' }).first().waitFor();

    const otherTeam = await kit.newPage();
    await logIn(otherTeam, REPAIR_AGENT.username, REPAIR_AGENT.password);
    await otherTeam.waitForURL('**/workspace');
    await otherTeam.goto(`/work-orders/${orderId}`);
    await otherTeam.getByText('404', { exact: true }).waitFor();
    expect(await otherTeam.getByText('冷库温度显示异常').count()).toBe(0);
    expect(await otherTeam.getByText(NOTE).count()).toBe(0);
  });

  it('creates a first-time caller as a customer on the call form and logs the call', async () => {
    const desk = await kit.newPage();
    await logIn(desk, AGENT.username, AGENT.password);
    await desk.waitForURL('**/workspace');
    await desk.goto('/work-orders/new');
    await desk.getByTestId('call-new-customer').click();
    await desk.getByTestId('customer-name').fill('舟山定海渔业合作社');
    await modalOk(desk).click();
    await desk.getByTestId('customer-picker').getByText('舟山定海渔业合作社').waitFor();
    await desk.getByTestId('work-order-subject').fill('冰机压缩机噪音大');
    await desk.getByTestId('work-order-submit').click();
    await desk.getByTestId('work-order-title').filter({ hasText: '冰机压缩机噪音大' }).waitFor();
    await desk.getByRole('link', { name: '舟山定海渔业合作社' }).waitFor();
  });
});
