/**
 * Business calendars and SLA policies in the browser: the admin creates a calendar,
 * gives it Saturday hours, imports a holiday (a broken file is refused line by line
 * first), checks a due time across the weekend and the holiday, and creates an SLA
 * policy counting in that calendar; each checked against what the server stored.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type BrowserKit, CHROMIUM, hasChromium, logIn, modalOk, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const NAME = '华东服务日历';

/**
 * Opens an antd select and picks an option, then checks the choice shows. On a loaded
 * machine a click can land while the list is still opening; then it tries again.
 */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  const select = page.getByTestId(testId);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });
  const chosen = select.getByText(text).first();
  for (let attempt = 1; ; attempt++) {
    // (a multi-select would drop an option clicked twice)
    if (await chosen.isVisible()) return;
    if (!(await option.isVisible())) await select.click();
    await option.click();
    try {
      await chosen.waitFor({ timeout: 2000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe.skipIf(!hasChromium)('business calendars and SLA policies in the browser', () => {
  let kit: BrowserKit;
  beforeAll(async () => {
    kit = await startBrowserKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('creates a calendar, imports a holiday, checks a due time and uses it in an SLA policy', async () => {
    const admin = await kit.server.admin();
    const page = await kit.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL('**/workspace');

    await page.goto('/admin/calendars');
    await page.getByRole('link', { name: '标准工作日历' }).waitFor();
    await page.getByTestId('calendars-provisional').getByText(/2027 年为临时数据/).waitFor();
    await page.getByTestId('calendar-create').click();
    await page.getByTestId('calendar-name').fill(NAME);
    await modalOk(page).click();
    await page.waitForURL('**/admin/calendars/*');
    const calendarId = page.url().split('/').pop()!;

    // Saturday 09:00–18:00 (the default hours of a new interval)
    await page.getByTestId('hours-6-add').click();
    await page.getByTestId('hours-6-end-0').fill('16:00');
    await page.getByTestId('calendar-save').click();
    await page.getByText('已保存').first().waitFor();
    expect((await admin.get(`/api/v1/calendars/${calendarId}`)).body.weekly['6']).toEqual([{ start: '09:00', end: '16:00' }]);

    await page.getByTestId('calendar-import').click();
    await page.getByText('系统自带的中国法定节假日').waitFor();
    await page.getByText(/2027 年为临时数据/).waitFor();
    await page.getByTestId('import-text').fill('date,type,name\n2027-02-08,holiday,春节\n2027-02-31,holiday,不存在的日子');
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-error').filter({ hasText: '第 3 行' }).waitFor();
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    await page.getByTestId('import-text').fill('date,type,name\n2027-02-08,holiday,春节\n2027-02-13,workday,春节调休上班');
    await page.getByTestId('import-preview').click();
    await page.getByText('将新增 2 条，修改 0 条，0 条不变').waitFor();
    await kit.screenshot(page, 'calendar-import-preview');
    await page.getByTestId('import-apply').click();
    await page.getByText('已导入').first().waitFor();
    const stored = (await admin.get(`/api/v1/calendars/${calendarId}`)).body;
    expect(stored.dates).toEqual([
      { date: '2027-02-08', kind: 'holiday', name: '春节' },
      { date: '2027-02-13', kind: 'workday', name: '春节调休上班' },
    ]);
    await page.getByTestId('calendar-dates').locator('input[value="2027-02-08"]').waitFor();

    // Saturday 2027-02-06 15:00 + 2 h: 1 h on Saturday, Sunday off, Monday is 春节 → Tuesday 10:00
    await page.getByTestId('tester-start').fill('2027-02-06T15:00');
    await page.getByTestId('tester-hours').fill('2');
    await page.getByTestId('tester-compute').click();
    await expect(page.getByTestId('tester-due').textContent()).resolves.toBe('2027-02-09 10:00:00（Asia/Shanghai）');
    await kit.screenshot(page, 'calendar-editor');

    await page.goto('/admin/sla-policies');
    await page.getByTestId('sla-policies').waitFor();
    const before = (await admin.get('/api/v1/sla/policies')).body.items as { id: string; name: string }[];
    await page.getByTestId('sla-policy-create').click();
    await page.getByTestId('sla-policy-name').fill('华东大客户');
    await pick(page, 'sla-policy-calendar', NAME);
    await pick(page, 'sla-policy-priorities', '紧急');
    // close the multi-select's list without Escape, which would close the dialog
    await page.locator('.ant-modal-title').click();
    // first response within 30 min 15 s of business time
    await page.getByTestId('sla-target-duration-0-h').fill('0');
    await page.getByTestId('sla-target-duration-0-m').fill('30');
    await page.getByTestId('sla-target-duration-0-s').fill('15');
    await page.getByTestId('sla-add-escalation').click();
    await page.getByTestId('sla-escalation-percent-0').waitFor();
    await expect(page.getByTestId('sla-target-duration-0-m').inputValue()).resolves.toBe('30');
    await kit.screenshot(page, 'sla-policy-form');
    await page.getByTestId('sla-policy-save').click();
    await page.getByRole('cell', { name: '华东大客户' }).waitFor();

    const after = (await admin.get('/api/v1/sla/policies')).body.items as Array<Record<string, any>>;
    const created = after.find((p) => p.name === '华东大客户')!;
    expect(created, JSON.stringify(created)).toMatchObject({
      active: true,
      calendarId,
      match: { tierIds: [], typeKeys: [], priorities: ['urgent'], channels: [] },
      targets: [{ clock: 'firstResponse', seconds: 1815, mode: 'business' }],
      escalations: [{ clock: 'firstResponse', atPercent: 80, actions: [{ type: 'notifyAssignee' }] }],
    });
    expect(after.map((p) => p.id)).toEqual([...before.map((p) => p.id), created.id]);

    if (before.length > 0) {
      await page.getByTestId('sla-up-华东大客户').click();
      await page.getByText('已保存').first().waitFor();
      const reordered = ((await admin.get('/api/v1/sla/policies')).body.items as { id: string }[]).map((p) => p.id);
      expect(reordered.indexOf(created.id)).toBe(before.length - 1);
    }
    await kit.screenshot(page, 'sla-policies');
  });
});
