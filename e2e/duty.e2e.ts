/**
 * Duty roster in the browser: a team lead adds a shift, puts a technician on it
 * and turns on round-robin routing of repair reports; a new repair order then
 * lands assigned to the technician on duty, who sees it and the on-duty card in
 * the workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, shanghaiDay } from '../test/factories.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, modalOk, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const LEAD = { username: 'wang.zuzhang', password: 'lead-password-1', displayName: '王组长' };
const TECH = { username: 'zhang.gong', password: 'tech-password-1', displayName: '张工' };
const OTHER = { username: 'li.gong', password: 'tech-password-2', displayName: '李工' };

describe.skipIf(!hasChromium)('duty roster and routing in the browser', () => {
  let kit: BrowserKit;
  let teamId: string;
  let customerId: string;
  const admin = () => kit.server.admin();
  beforeAll(async () => {
    kit = await startBrowserKit();
    const a = await admin();
    teamId = (await a.post('/api/v1/teams', { name: '夜间维修组' })).body.id;
    const ids: Record<string, string> = {};
    for (const [user, role] of [
      [LEAD, 'agent'],
      [TECH, 'technician'],
      [OTHER, 'technician'],
    ] as const) {
      const res = await a.post('/api/v1/users', { ...user, role, teamIds: [teamId] });
      expect(res.status).toBe(201);
      ids[user.username] = res.body.id;
    }
    const members = Object.entries(ids).map(([username, userId]) => ({ userId, isLead: username === LEAD.username }));
    expect((await a.put(`/api/v1/teams/${teamId}/members`, { members })).status).toBe(200);
    customerId = (await createCustomer(a, { name: '宁波港务' })).id;
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('a lead sets up a roster and routing; a new repair order lands with the technician on duty', async () => {
    const page = await kit.newPage();
    await logIn(page, LEAD.username, LEAD.password);
    await page.waitForURL('**/workspace');
    await page.getByRole('menuitem', { name: '值班表' }).click();
    await page.waitForURL('**/duty');
    await page.goto(`/duty?team=${teamId}`);

    await page.getByTestId('duty-add-shift').click();
    const form = page.getByTestId('duty-shift-form');
    await page.getByTestId('duty-shift-name').fill('全天班');
    await page.getByTestId('duty-shift-start').fill('00:00');
    await page.getByTestId('duty-shift-end').fill('24:00');
    await form.getByText('周六').click();
    await form.getByText('周日').click();
    await modalOk(page).click();
    await page.getByText('全天班').first().waitFor();

    // Today and tomorrow (the test may run across midnight in Shanghai): every such weekday.
    for (const date of [shanghaiDay(0), shanghaiDay(1)]) {
      const cell = page.getByTestId(`duty-cell-全天班-${date}`);
      if (!(await cell.count())) {
        await page.getByRole('button', { name: '下一周' }).click();
      }
      await cell.getByRole('button').click();
      await page.getByTestId('duty-cell-people').click();
      await page.locator('.ant-select-item-option', { hasText: TECH.displayName }).click();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('duty-cell-scope').locator('.ant-radio-wrapper-checked').textContent()).resolves.toMatch(/^每个周/);
      await modalOk(page).click();
      await cell.getByText(TECH.displayName).waitFor();
    }
    await page.getByTestId('duty-on-duty-now').getByText(TECH.displayName).waitFor();

    await page.getByTestId('duty-routing-mode').getByText('值班人员轮流').click();
    await page.getByTestId('duty-routing-types').click();
    await page.locator('.ant-select-item-option', { hasText: '报修' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('duty-routing-save').click();
    await page.getByText('已保存').first().waitFor();
    await kit.screenshot(page, 'duty-roster');

    // A repair report comes in for the team: it goes to the technician on duty, not to 李工 (on no shift).
    const order = await createWorkOrder(await admin(), customerId, { typeKey: 'repair', teamId, subject: '夜间叉车无法启动' });
    expect(order.assigneeId).not.toBeNull();

    await page.goto(`/work-orders/${order.id}`);
    await page.getByText(TECH.displayName).first().waitFor();
    await page.getByTestId('timeline').getByText('分派了工单').waitFor();

    const tech = await kit.newPage();
    await logIn(tech, TECH.username, TECH.password);
    await tech.waitForURL('**/workspace');
    await tech.getByTestId('workspace-on-duty').getByText(TECH.displayName).waitFor();
    await tech.getByTestId('queue-mine').getByText('夜间叉车无法启动').waitFor();
    await kit.screenshot(tech, 'duty-workspace');

    // The technician reads the roster (no editing) and their own schedule.
    await tech.getByTestId('workspace-on-duty').getByRole('link').click();
    await tech.getByTestId('duty-my-schedule').getByText('全天班').first().waitFor();
    await tech.getByText('只有本部门组长、经理或管理员可以修改值班表。').waitFor();
    await expect(tech.getByTestId('duty-add-shift').count()).resolves.toBe(0);
  });
});
