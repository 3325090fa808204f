/**
 * Realtime in the browser: an agent with the workspace open sees a new order of
 * their team appear in the queue without reloading, and the bell's unread count
 * go up when an order is assigned to them; opening the notification goes to the
 * order and clears the count. Turning a kind off on 个人中心 keeps it out of the bell.
 * (Who hears what is tested at the API: src/modules/notifications/*.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder } from '../test/factories.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const AGENT = { username: 'zhou.kefu', password: 'agent-password-1', displayName: '周客服' };

describe.skipIf(!hasChromium)('realtime queue and bell', () => {
  let kit: BrowserKit;
  let teamId: string;
  let agentId: string;
  let customerId: string;
  const admin = () => kit.server.admin();
  beforeAll(async () => {
    kit = await startBrowserKit();
    const a = await admin();
    teamId = (await a.post('/api/v1/teams', { name: '热线一组' })).body.id;
    const res = await a.post('/api/v1/users', { ...AGENT, role: 'agent', teamIds: [teamId] });
    expect(res.status).toBe(201);
    agentId = res.body.id;
    customerId = (await createCustomer(a, { name: '杭州西湖书店' })).id;
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('a new order appears in the open queue and an assignment rings the bell, without reloading', async () => {
    const page = await kit.newPage();
    await logIn(page, AGENT.username, AGENT.password);
    await page.waitForURL('**/workspace');
    const unassigned = page.getByTestId('queue-unassigned');
    const mine = page.getByTestId('queue-mine');
    // A mark on the window: if the page reloaded, it would be gone.
    await page.evaluate(() => Object.assign(globalThis, { kefuNoReload: true }));
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await page.getByTestId('notification-count').locator('.ant-badge-count').count()).toBe(0);

    const a = await admin();
    const order = await createWorkOrder(a, customerId, { teamId, subject: '收银机无法开机' });
    await unassigned.getByText('收银机无法开机').waitFor();
    await kit.screenshot(page, 'realtime-queue-new-order');

    expect((await a.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: agentId })).status).toBe(200);
    await page.getByTestId('notification-count').locator('.ant-badge-count').getByText('1').waitFor();
    await mine.getByText('收银机无法开机').waitFor();
    expect(await unassigned.getByText('收银机无法开机').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { kefuNoReload?: boolean }).kefuNoReload)).toBe(true);

    await bell.click();
    const item = page.getByTestId('notification-item').first();
    await item.getByText(`工单 ${order.number} 已分派给你`).waitFor();
    await kit.screenshot(page, 'realtime-bell-open');
    await item.click();
    await page.waitForURL(`**/work-orders/${order.id}`);
    await page.getByTestId('notification-count').locator('.ant-badge-count').waitFor({ state: 'detached' });
  }, 60_000);

  it('the preferences on 个人中心 turn a kind off for the bell', async () => {
    const page = await kit.newPage();
    await logIn(page, AGENT.username, AGENT.password);
    await page.waitForURL('**/workspace');
    await page.goto('/me');
    const toggle = page.getByTestId('notification-pref-assigned');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await page.getByText('通知设置已保存').waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await kit.screenshot(page, 'realtime-preferences');

    const a = await admin();
    const order = await createWorkOrder(a, customerId, { teamId });
    expect((await a.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: agentId })).status).toBe(200);
    const prefs = (await kit.server.client().login(AGENT.username, AGENT.password)).get('/api/v1/notifications/unread-count');
    expect((await prefs).body.unread).toBe(0);
  }, 60_000);
});
