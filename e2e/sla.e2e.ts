/**
 * SLA in the browser: the order page shows its clocks with a countdown that
 * ticks every second, and the queue shows each order's SLA due time, sorts by it
 * and filters to the orders due within the hour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, teamId } from '../test/factories.ts';
import { newType, topPolicy, waitFor } from '../test/slaKit.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const LEAD = { username: 'qian.zuzhang', password: 'lead-password-1', displayName: '钱组长' };

describe.skipIf(!hasChromium)('SLA countdown and queue', () => {
  let kit: BrowserKit;
  const orders: Record<'chat' | 'repair' | 'plain', { id: string; number: string }> = {} as never;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    const service = await teamId(admin, 'service');
    const repair = await teamId(admin, 'repair');
    const lead = await admin.post('/api/v1/users', { ...LEAD, role: 'manager', teamIds: [service, repair] });
    expect(lead.status).toBe(201);
    const customer = await createCustomer(admin, { name: '杭州西湖商贸' });
    // Seeded policies: the default first response (4 business hours), repair callback 30 min, chat 60 s.
    orders.plain = await createWorkOrder(admin, customer.id, { subject: '发票抬头咨询' });
    orders.repair = await createWorkOrder(admin, customer.id, { typeKey: 'repair', subject: '收银机无法开机' });
    orders.chat = await createWorkOrder(admin, customer.id, { channel: 'chat', subject: '在线咨询：会员积分' });
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('counts the chat order down second by second on its page', async () => {
    const page = await kit.newPage();
    await logIn(page, LEAD.username, LEAD.password);
    await page.waitForURL('**/workspace');
    await page.goto(`/work-orders/${orders.chat.id}`);
    const panel = page.getByTestId('sla-panel');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain('在线聊天');
    const firstResponse = page.getByTestId('sla-clock-firstResponse');
    await expect(firstResponse.textContent()).resolves.toContain('目标 1 分钟');
    await expect(page.getByTestId('sla-state-firstResponse').textContent()).resolves.toBe('进行中');
    const countdown = page.getByTestId('sla-countdown-firstResponse');
    const before = await countdown.textContent();
    expect(before).toMatch(/^剩余 00:00:[0-5]\d$/);
    await page.waitForTimeout(2100);
    const after = await countdown.textContent();
    const seconds = (text: string | null) => Number(text?.slice(-2));
    expect(seconds(before) - seconds(after)).toBeGreaterThanOrEqual(2);
    expect(seconds(before) - seconds(after)).toBeLessThanOrEqual(3);
    await kit.screenshot(page, 'sla-order-countdown');
  }, 30_000);

  it('shows the SLA due time in the queue, sorts by it and filters to orders due soon', async () => {
    const page = await kit.newPage();
    await logIn(page, LEAD.username, LEAD.password);
    await page.waitForURL('**/workspace');
    await page.goto('/work-orders');
    await page.getByTestId('work-order-views').getByText('全部', { exact: true }).click();
    const numbers = () => page.locator('.ant-table-tbody tr.ant-table-row td:first-child a').allTextContents();
    await expect.poll(numbers).toHaveLength(3);
    await expect.poll(() => page.getByTestId('sla-due').count()).toBe(3);

    const header = page.getByRole('columnheader', { name: 'SLA 截止' });
    await header.click(); // descending: latest due first
    await expect.poll(numbers).toEqual([orders.plain.number, orders.repair.number, orders.chat.number]);
    await header.click(); // ascending: most urgent first
    await expect.poll(numbers).toEqual([orders.chat.number, orders.repair.number, orders.plain.number]);

    await page.getByTestId('sla-filter').click();
    await page.locator('.ant-select-item-option', { hasText: '1 小时内到期' }).click();
    await expect.poll(numbers).toEqual([orders.chat.number, orders.repair.number]);
    await kit.screenshot(page, 'sla-queue-due-soon');
  }, 30_000);

  it('lists breaches for the manager on the breach log page', async () => {
    // An order under a 2-second target of its own type misses it.
    const admin = await kit.server.admin();
    const typeKey = await newType(admin, await teamId(admin, 'service'));
    await topPolicy(admin, { name: '测试：2 秒首次响应', match: { typeKeys: [typeKey] }, targets: [{ clock: 'firstResponse', seconds: 2 }] });
    const late = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey, subject: '超时未响应的咨询' });
    expect(await waitFor(async () => (await admin.get('/api/v1/sla/breaches')).body.total > 0, 10_000)).toBe(true);
    const page = await kit.newPage();
    await logIn(page, LEAD.username, LEAD.password);
    await page.waitForURL('**/workspace');
    await page.getByRole('menuitem', { name: 'SLA 超时记录' }).click();
    const table = page.getByTestId('sla-breaches');
    await table.getByRole('link', { name: late.number }).waitFor();
    await expect(table.textContent()).resolves.toContain('测试：2 秒首次响应');
    await expect(table.textContent()).resolves.toContain('首次响应');
    await kit.screenshot(page, 'sla-breaches');
  }, 30_000);
});
