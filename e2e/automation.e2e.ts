/**
 * Automation rules in the browser: the admin writes "当 工单创建时 且 标题 包含 停机
 * 则 添加标签 停机、设置优先级 紧急", tries it on an existing order (nothing
 * changes), saves it; an agent then logs a call whose subject matches, and the
 * new order shows the tag, the urgent priority and the rule in its timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamId } from '../test/factories.ts';
import { ADMIN_PASSWORD, type BrowserKit, CHROMIUM, chooseOption, hasChromium, logIn, modalOk, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const AGENT = { username: 'zhao.kefu', password: 'agent-password-1', displayName: '赵客服' };
const RULE = '停机加急';

describe.skipIf(!hasChromium)('automation rules in the browser', () => {
  let kit: BrowserKit;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    expect((await admin.post('/api/v1/users', { ...AGENT, role: 'agent', teamIds: [await teamId(admin, 'service')] })).status).toBe(201);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('an admin creates a rule in the UI and an agent’s matching new order is tagged and raised to urgent', async () => {
    const admin = await kit.server.admin();
    const customer = await admin.post('/api/v1/customers', { name: '宁波北仑冷链物流' });
    const existing = await admin.post('/api/v1/work-orders', { typeKey: 'consultation', channel: 'phone', subject: '昨天停机一次', customerId: customer.body.id });
    expect(existing.status).toBe(201);

    const page = await kit.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL('**/workspace');
    await page.goto('/admin/automation');
    await page.getByTestId('rules').waitFor();
    await page.getByTestId('rule-create').click();
    await page.getByTestId('rule-name').fill(RULE);
    await page.getByTestId('rule-add-condition').click();
    await chooseOption(page, page.getByTestId('rule-condition-field-0'), '标题', page.getByTestId('rule-condition-value-0'));
    await page.getByTestId('rule-condition-value-0').fill('停机');
    await page.getByTestId('rule-action-value-0').fill('停机');
    await page.getByTestId('rule-add-action').click(); // 设置优先级, 紧急 by default
    await page.getByTestId('rule-action-1').getByText('紧急').waitFor();

    await page.getByTestId('rule-dry-run-number').fill(existing.body.number);
    await page.getByTestId('rule-dry-run').click();
    await page.getByTestId('rule-dry-run-result').getByText('条件全部满足').waitFor();
    await page.getByTestId('rule-dry-run-result').getByText('添加标签 · 会执行').waitFor();
    await kit.screenshot(page, 'automation-rule-editor');
    expect((await admin.get(`/api/v1/work-orders/${existing.body.id}`)).body).toMatchObject({ priority: 'normal', tags: [] });

    await modalOk(page).click();
    await page.getByTestId('rules').getByText(RULE).waitFor();
    const [rule] = (await admin.get('/api/v1/automation/rules')).body.items;
    expect(rule).toMatchObject({
      name: RULE,
      active: true,
      trigger: 'created',
      conditions: [{ field: 'subject', op: 'contains', value: '停机' }],
      actions: [{ type: 'addTag', tag: '停机' }, { type: 'setPriority', priority: 'urgent' }],
    });
    await kit.screenshot(page, 'automation-rules');

    const desk = await kit.newPage();
    await logIn(desk, AGENT.username, AGENT.password);
    await desk.waitForURL('**/workspace');
    await desk.goto('/work-orders/new');
    await desk.getByTestId('call-new-customer').click();
    await desk.getByTestId('customer-name').fill('舟山普陀水产加工厂');
    await modalOk(desk).click();
    await desk.getByTestId('customer-picker').getByText('舟山普陀水产加工厂').waitFor();
    await desk.getByTestId('work-order-subject').fill('速冻机突然停机');
    await desk.getByTestId('work-order-submit').click();
    await desk.getByTestId('work-order-title').filter({ hasText: '速冻机突然停机' }).waitFor();
    await desk.locator('.ant-tag', { hasText: '紧急' }).first().waitFor();
    await desk.getByTestId('work-order-tags').getByText('停机', { exact: true }).waitFor();
    const timeline = desk.getByTestId('timeline');
    await timeline.getByText(`执行了自动化规则「${RULE}」`).waitFor();
    await timeline.getByText(`规则：${RULE}`).first().waitFor();
    await kit.screenshot(desk, 'automation-order');

    await page.getByRole('tab', { name: '执行日志' }).click();
    await page.getByTestId('rule-log').getByText('速冻机突然停机').or(page.getByTestId('rule-log').getByText(RULE).first()).first().waitFor();
  });
});
