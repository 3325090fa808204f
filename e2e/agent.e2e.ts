/**
 * An agent's day in the browser: create a customer with a contact, log a
 * phone call as a work order from the workspace (by the caller's phone
 * digits), reply, move it on in its workflow, and find it in the queues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamId } from '../test/factories.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, modalOk, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const AGENT = { username: 'li.kefu', password: 'agent-password-1', displayName: '李客服' };

describe.skipIf(!hasChromium)('agent workspace in the browser', () => {
  let kit: BrowserKit;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    // In the service team, which handles the seeded 咨询 type: members may pick up its work orders.
    const res = await admin.post('/api/v1/users', { ...AGENT, role: 'agent', teamIds: [await teamId(admin, 'service')] });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('creates a customer, logs a call as a work order, replies and moves it on', async () => {
    const page = await kit.newPage();
    await logIn(page, AGENT.username, AGENT.password);
    await page.waitForURL('**/workspace');
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe(AGENT.displayName);
    // An agent is no administrator: that area is not offered.
    expect(await page.getByRole('menuitem', { name: '系统管理' }).count()).toBe(0);

    await page.getByRole('menuitem', { name: '客户档案' }).click();
    await page.getByTestId('customer-create').click();
    await page.getByTestId('customer-name').fill('杭州西湖电子有限公司');
    await page.locator('#phones').fill('0571-88886666');
    await page.locator('#phones').press('Enter');
    await modalOk(page).click();
    await page.getByTestId('customer-title').filter({ hasText: '杭州西湖电子有限公司' }).waitFor();

    await page.getByTestId('contact-create').click();
    await page.getByTestId('contact-name').fill('王经理');
    await modalOk(page).click();
    await page.getByRole('cell', { name: '王经理' }).waitFor();
    await page.getByRole('tab', { name: '合同' }).click();
    await page.getByTestId('contract-create').click();
    await page.getByTestId('contract-number').fill('HT-2026-001');
    await modalOk(page).click();
    await page.getByRole('cell', { name: 'HT-2026-001' }).waitFor();
    await page.getByRole('tab', { name: '联系人' }).click();
    await kit.screenshot(page, 'customer-360');

    // The phone call: from the workspace, find the caller by the last digits of their number.
    const started = Date.now();
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.getByTestId('workspace-log-call').click();
    await page.locator('#customerId').fill('6666');
    await page.locator('.ant-select-item-option', { hasText: '杭州西湖电子有限公司' }).click();
    await page.locator('#contactId').click();
    await page.locator('.ant-select-item-option', { hasText: '王经理' }).click();
    await page.getByTestId('work-order-subject').fill('打印机卡纸，无法打印');
    await page.getByTestId('work-order-submit').click();
    await page.getByTestId('work-order-title').filter({ hasText: '打印机卡纸，无法打印' }).waitFor();
    expect(Date.now() - started).toBeLessThan(30_000);

    // User text is shown as text, never as markup.
    await page.getByTestId('reply-body').fill('<b>已安排工程师</b>明天上门');
    await page.getByTestId('reply-send').click();
    await page.getByTestId('timeline').getByText('<b>已安排工程师</b>明天上门').waitFor();
    expect(await page.locator('[data-testid=timeline] b').count()).toBe(0);

    await page.getByRole('button', { name: /^编\s?辑$/ }).click();
    await page.locator('.ant-modal-wrap:visible .ant-radio-button-wrapper', { hasText: '紧急' }).click();
    await modalOk(page).click();
    await page.locator('.ant-tag', { hasText: '紧急' }).first().waitFor();

    const next = page.getByRole('button', { name: /^转为/ }).first();
    const label = (await next.textContent()) ?? '';
    await next.click();
    await page.getByTestId('timeline').getByText('将状态从').waitFor();
    expect(label).toMatch(/转为「.+」/);
    // The answer is awaited first: on a loaded CI machine the timeline's refetch can take a while.
    const assigned = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/assign'));
    await page.getByRole('button', { name: '分派给我' }).click();
    expect((await assigned).status()).toBe(200);
    await page.getByTestId('timeline').getByText('分派了工单').waitFor({ timeout: 20_000 });
    // Tags: typed in place and kept (seen again after a reload).
    const tagInput = page.getByTestId('work-order-tags').locator('input');
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/work-orders/') && r.ok());
    await tagInput.fill('卡纸');
    await tagInput.press('Enter');
    await saved;
    await page.reload();
    await page.getByTestId('work-order-tags').getByText('卡纸').waitFor();
    await kit.screenshot(page, 'work-order');

    await page.getByRole('menuitem', { name: '工单' }).click();
    await page.getByTestId('work-order-views').getByText('全部').click();
    await page.getByRole('cell', { name: '打印机卡纸，无法打印' }).waitFor();
    await page.getByTestId('saved-view-save').click();
    await page.getByTestId('saved-view-name').fill('全部工单');
    await modalOk(page).click();
    await page.getByTestId('saved-views').getByText('全部工单').waitFor();
    // Column choice (kept after a reload) and sorting by a column header.
    await page.getByTestId('column-chooser').click();
    await page.getByTestId('column-chooser-options').getByText('标签').click();
    await page.getByRole('cell', { name: '卡纸', exact: true }).waitFor();
    const sorted = page.waitForResponse((r) => r.url().includes('/api/v1/work-orders?') && r.url().includes('order=asc'));
    await page.getByTestId('column-chooser').click();
    await page.locator('.ant-table-thead th.ant-table-column-has-sorters', { hasText: '创建时间' }).click();
    await sorted;
    await page.reload();
    await page.getByRole('columnheader', { name: '标签' }).waitFor();
    await kit.screenshot(page, 'work-orders');
    const agent = await kit.server.client().login(AGENT.username, AGENT.password);
    expect((await agent.get('/api/v1/saved-views')).body.items).toMatchObject([{ name: '全部工单', filters: { view: 'all' } }]);
  });

  it('refuses the admin pages to an agent even by address', async () => {
    const page = await kit.newPage();
    await logIn(page, AGENT.username, AGENT.password);
    await page.waitForURL('**/workspace');
    await page.goto('/admin/users');
    await page.getByText('404').waitFor();
    const admin = await kit.server.admin();
    const agentClient = await kit.server.client().login(AGENT.username, AGENT.password);
    expect((await agentClient.post('/api/v1/teams', { name: 'x' })).status).toBe(403);
    expect((await admin.get('/api/v1/teams')).body.items.some((t: { name: string }) => t.name === 'x')).toBe(false);
  });
});
