import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, customerUser, staff, teamId, unique } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';
import { newType, topPolicy, waitFor } from '../../../test/slaKit.ts';

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

const RULES = '/api/v1/automation/rules';

/** Creates a rule that only looks at orders whose subject carries `marker`, so tests do not see each other's rules. */
async function rule(marker: string, body: Record<string, unknown>): Promise<any> {
  const conditions = [{ field: 'subject', op: 'contains', value: marker }, ...((body.conditions as unknown[]) ?? [])];
  const res = await admin.post(RULES, { name: unique('规则'), trigger: 'created', ...body, conditions });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const timeline = async (id: string) => (await admin.get(`/api/v1/work-orders/${id}/timeline`)).body.items as any[];
const runs = async (query: string) => (await admin.get(`/api/v1/automation/runs?${query}`)).body;

describe('rules on created orders', () => {
  it('raises a gold customer complaint to urgent and tags it; other orders are left alone; timeline and log show the rule', async () => {
    const marker = unique('m');
    const r = await rule(marker, {
      name: '金牌客户投诉加急',
      conditions: [
        { field: 'type', op: 'in', values: ['complaint'] },
        { field: 'customerTier', op: 'in', values: ['gold', 'diamond'] },
      ],
      actions: [
        { type: 'setPriority', priority: 'urgent' },
        { type: 'addTag', tag: 'vip-complaint' },
        { type: 'addNote', body: '规则「{rule}」已将 {number} 加急' },
      ],
    });
    const gold = await createCustomer(admin, { tier: 'gold' });
    const basic = await createCustomer(admin, { tier: 'basic' });

    const hit = await createWorkOrder(admin, gold.id, { typeKey: 'complaint', subject: `${marker} 服务投诉`, description: '迟到' });
    expect(hit.priority).toBe('urgent');
    expect(hit.tags).toContain('vip-complaint');

    const otherType = await createWorkOrder(admin, gold.id, { subject: `${marker} 咨询` });
    const otherTier = await createWorkOrder(admin, basic.id, { typeKey: 'complaint', subject: `${marker} 投诉`, description: '迟到' });
    for (const o of [otherType, otherTier]) {
      expect(o.priority).toBe('normal');
      expect(o.tags).not.toContain('vip-complaint');
    }

    const items = await timeline(hit.id);
    const ran = items.find((e) => e.type === 'automation.ruleRan');
    expect(ran.data).toMatchObject({ ruleName: '金牌客户投诉加急', rule: { id: r.id, name: '金牌客户投诉加急' } });
    expect(ran.actor).toBeNull();
    const updates = items.filter((e) => e.type === 'workOrder.updated');
    expect(updates.every((e) => e.data.rule?.id === r.id)).toBe(true);
    const note = items.find((e) => e.type === 'workOrder.noted');
    expect(note.data.body).toBe(`规则「金牌客户投诉加急」已将 ${hit.number} 加急`);
    expect((await timeline(otherTier.id)).some((e) => e.type === 'automation.ruleRan')).toBe(false);

    const log = await runs(`ruleId=${r.id}`);
    expect(log.total).toBe(3);
    const mine = log.items.find((x: any) => x.workOrder.id === hit.id);
    expect(mine).toMatchObject({ matched: true, trigger: 'created', eventType: 'workOrder.created', conditions: [true, true, true], error: null });
    expect(mine.actions.map((a: any) => a.status)).toEqual(['done', 'done', 'done']);
    expect(log.items.find((x: any) => x.workOrder.id === otherTier.id)).toMatchObject({ matched: false, conditions: [true, true, false], actions: [] });
  });

  it('runs rules in position order: a later rule sees what an earlier one did, and reordering changes the result', async () => {
    const marker = unique('m');
    const raise = await rule(marker, { actions: [{ type: 'setPriority', priority: 'high' }] });
    const tagHigh = await rule(marker, {
      conditions: [{ field: 'priority', op: 'in', values: ['high'] }],
      actions: [{ type: 'addTag', tag: 'seen-high' }],
    });
    const customer = await createCustomer(admin);
    const first = await createWorkOrder(admin, customer.id, { subject: `${marker} 一` });
    expect(first).toMatchObject({ priority: 'high', tags: ['seen-high'] });

    const ids = ((await admin.get(RULES)).body.items as any[]).map((x) => x.id);
    const reordered = [...ids.filter((id) => id !== raise.id && id !== tagHigh.id), tagHigh.id, raise.id];
    const res = await admin.post(`${RULES}/order`, { ids: reordered });
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: any) => x.id)).toEqual(reordered);
    const second = await createWorkOrder(admin, customer.id, { subject: `${marker} 二` });
    expect(second).toMatchObject({ priority: 'high', tags: [] });

    const incomplete = await admin.post(`${RULES}/order`, { ids: [raise.id] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.code).toBe('AUTOMATION_ORDER_INCOMPLETE');
  });

  it('cannot loop: rules that undo each other on "updated" each run once, and their own changes trigger nothing', async () => {
    const marker = unique('m');
    const a = await rule(marker, { trigger: 'updated', actions: [{ type: 'setPriority', priority: 'urgent' }, { type: 'removeTag', tag: 'pong' }] });
    const b = await rule(marker, { trigger: 'updated', actions: [{ type: 'addTag', tag: 'pong' }, { type: 'setPriority', priority: 'low' }] });
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id, { subject: `${marker} 循环` });

    const res = await admin.patch(`/api/v1/work-orders/${order.id}`, { description: '客户补充说明' });
    expect(res.status).toBe(200);
    const after = (await admin.get(`/api/v1/work-orders/${order.id}`)).body;
    expect(after.priority).toBe('low');
    expect(after.tags).toEqual(['pong']);

    // other tests' rules were evaluated too (and logged as not matched); A and B matched once each
    const log = await runs(`workOrderId=${order.id}`);
    const matched = log.items.filter((x: any) => x.matched);
    expect(matched.map((x: any) => x.ruleId).sort()).toEqual([a.id, b.id].sort());
    expect(matched.every((x: any) => x.eventType === 'workOrder.updated')).toBe(true);
    const updates = (await timeline(order.id)).filter((e) => e.type === 'workOrder.updated');
    // the user's edit, A's priority, B's tag and B's priority: nothing after that
    expect(updates).toHaveLength(4);
    expect(updates.map((e) => e.data.rule?.id ?? null)).toEqual([null, a.id, b.id, b.id]);
  });

  it('skips a transition the workflow does not allow, logs why, and keeps the user change and the other actions', async () => {
    const marker = unique('m');
    const r = await rule(marker, { actions: [{ type: 'setStatus', status: 'waiting_customer' }, { type: 'addTag', tag: 'after-skip' }] });
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id, { subject: `${marker} 状态` });
    expect(order.status.key).toBe('new');
    expect(order.tags).toEqual(['after-skip']);
    const [run] = (await runs(`ruleId=${r.id}`)).items;
    expect(run.actions).toEqual([
      { type: 'setStatus', status: 'skipped', reason: 'TRANSITION_NOT_ALLOWED' },
      { type: 'addTag', status: 'done' },
    ]);
    expect((await timeline(order.id)).some((e) => e.type === 'workOrder.statusChanged')).toBe(false);
  });

  it('SLA clocks follow what the rules left: a rule raising a new order to urgent puts it under the urgent policy', async () => {
    const marker = unique('m');
    const policy = await admin.post('/api/v1/sla/policies', {
      name: unique('紧急'),
      active: true,
      calendarId: null,
      match: { tierIds: [], typeKeys: [], priorities: ['urgent'], channels: [] },
      targets: [{ clock: 'firstResponse', seconds: 600, mode: 'calendar' }],
      escalations: [],
    });
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    const ids = ((await admin.get('/api/v1/sla/policies')).body.items as any[]).map((p) => p.id);
    expect((await admin.post('/api/v1/sla/policies/order', { ids: [policy.body.id, ...ids.filter((id) => id !== policy.body.id)] })).status).toBe(200);
    try {
      await rule(marker, { actions: [{ type: 'setPriority', priority: 'urgent' }] });
      const customer = await createCustomer(admin);
      const order = await createWorkOrder(admin, customer.id, { subject: `${marker} SLA` });
      expect(order.priority).toBe('urgent');
      const sla = (await admin.get(`/api/v1/work-orders/${order.id}/sla`)).body;
      expect(sla.policy).toMatchObject({ id: policy.body.id });
      expect(sla.clocks.filter((c: any) => c.state === 'running').map((c: any) => [c.clock, c.targetSeconds])).toEqual([['firstResponse', 600]]);
    } finally {
      await admin.patch(`/api/v1/sla/policies/${policy.body.id}`, { active: false });
    }
  });

  it('reacts to SLA timers: a warning and a breach, fired by the job queue, run their rules once each', async () => {
    const typeKey = await newType(admin);
    await topPolicy(admin, {
      match: { typeKeys: [typeKey] },
      targets: [{ clock: 'firstResponse', seconds: 2 }],
      escalations: [
        { clock: 'firstResponse', atPercent: 50, actions: [{ type: 'notifyAssignee' }] },
        { clock: 'firstResponse', atPercent: 100, actions: [{ type: 'notifyAssignee' }] },
      ],
    });
    const type = [{ field: 'type', op: 'in', values: [typeKey] }];
    const warn = await admin.post(RULES, { name: unique('预警'), trigger: 'slaWarning', conditions: type, actions: [{ type: 'addTag', tag: 'sla-warned' }] });
    const breach = await admin.post(RULES, {
      name: unique('超时'),
      trigger: 'slaBreached',
      conditions: type,
      actions: [{ type: 'setPriority', priority: 'urgent' }, { type: 'addNote', body: '{number} 首次响应已超时' }],
    });
    expect([warn.status, breach.status]).toEqual([201, 201]);
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id, { typeKey, subject: unique('超时') });
    expect(order).toMatchObject({ priority: 'normal', tags: [] });

    const after = await waitFor(async () => {
      const o = (await admin.get(`/api/v1/work-orders/${order.id}`)).body;
      return o.priority === 'urgent' ? o : null;
    }, 10_000);
    expect(after).toMatchObject({ priority: 'urgent', tags: ['sla-warned'] });
    const notes = (await timeline(order.id)).filter((e) => e.type === 'workOrder.noted');
    expect(notes.map((e) => e.data.body)).toEqual([`${order.number} 首次响应已超时`]);
    const log = (await runs(`workOrderId=${order.id}`)).items.filter((x: any) => x.matched);
    expect(log.map((x: any) => [x.ruleId, x.eventType]).sort()).toEqual(
      [[warn.body.id, 'sla.warning'], [breach.body.id, 'sla.breached']].sort(),
    );
  });

  it('notifies the named users with the rule name and message', async () => {
    const marker = unique('m');
    const agent = await staff(server, { role: 'agent' });
    const r = await rule(marker, { name: '通知值班', actions: [{ type: 'notify', userIds: [agent.id], message: '{number} 需要关注' }] });
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id, { subject: `${marker} 通知` });
    const rows = await server.database.db.selectFrom('notifications').selectAll().where('user_id', '=', agent.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'rule', work_order_id: order.id });
    expect(rows[0]!.data).toMatchObject({ ruleName: '通知值班', message: `${order.number} 需要关注`, number: order.number });
    expect((await runs(`ruleId=${r.id}`)).items[0].actions).toEqual([{ type: 'notify', status: 'done' }]);
  });

  it('tells a customer reply from a staff reply', async () => {
    const marker = unique('m');
    await rule(marker, { trigger: 'customerReplied', actions: [{ type: 'addTag', tag: 'customer-said' }] });
    const customer = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const order = await createWorkOrder(admin, customer.id, { subject: `${marker} 回复` });
    await admin.post(`/api/v1/work-orders/${order.id}/replies`, { body: '您好', internal: false });
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.tags).toEqual([]);
    expect((await portal.post(`/api/v1/work-orders/${order.id}/replies`, { body: '还是坏的', internal: false })).status).toBe(201);
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.tags).toEqual(['customer-said']);
  });
});

describe('managing rules', () => {
  it('lets only admins change rules; managers read rules and the log; others get 403', async () => {
    const manager = await staff(server, { role: 'manager' });
    const agent = await staff(server, { role: 'agent' });
    const body = { name: '经理不能建', trigger: 'created', actions: [{ type: 'addTag', tag: 'x' }] };
    expect((await manager.get(RULES)).status).toBe(200);
    expect((await manager.get('/api/v1/automation/runs')).status).toBe(200);
    expect((await manager.post(RULES, body)).status).toBe(403);
    expect((await agent.get(RULES)).status).toBe(403);
    expect((await agent.get('/api/v1/automation/runs')).status).toBe(403);
    expect((await agent.post('/api/v1/automation/dry-run', { workOrderId: crypto.randomUUID(), actions: [{ type: 'addTag', tag: 'x' }] })).status).toBe(403);
    expect((await admin.get(RULES)).body.items.some((x: any) => x.name === '经理不能建')).toBe(false);
  });

  it('refuses unknown fields, operators, action types and references with 400 and a code', async () => {
    const base = { name: '坏规则', trigger: 'created', actions: [{ type: 'addTag', tag: 'x' }] };
    const cases = [
      { ...base, conditions: [{ field: 'mood', op: 'in', values: ['a'] }] },
      { ...base, conditions: [{ field: 'priority', op: 'greaterThan', values: ['high'] }] },
      { ...base, conditions: [{ field: 'priority', op: 'in', values: ['extreme'] }] },
      { ...base, conditions: [{ field: 'assignee', op: 'in', values: [] }] },
      { ...base, actions: [{ type: 'deleteOrder' }] },
      { ...base, actions: [{ type: 'notify', message: '没有收件人' }] },
      { ...base, trigger: 'whenever' },
      { ...base, extra: true },
    ];
    for (const body of cases) {
      const res = await admin.post(RULES, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const unknownTeam = await admin.post(RULES, { ...base, actions: [{ type: 'setTeam', teamId: crypto.randomUUID() }] });
    expect(unknownTeam.status).toBe(400);
    expect(unknownTeam.body.error.code).toBe('AUTOMATION_REFERENCE_UNKNOWN');
    expect((await admin.get(RULES)).body.items.some((x: any) => x.name === '坏规则')).toBe(false);
    expect((await admin.patch(`${RULES}/${crypto.randomUUID()}`, { active: false })).status).toBe(404);
  });

  it('a disabled rule does nothing until enabled again; a deleted rule keeps its log', async () => {
    const marker = unique('m');
    const r = await rule(marker, { active: false, actions: [{ type: 'addTag', tag: 'enabled' }] });
    const customer = await createCustomer(admin);
    const off = await createWorkOrder(admin, customer.id, { subject: `${marker} 关` });
    expect(off.tags).toEqual([]);
    expect((await runs(`workOrderId=${off.id}&ruleId=${r.id}`)).total).toBe(0);

    expect((await admin.patch(`${RULES}/${r.id}`, { active: true })).body.active).toBe(true);
    const on = await createWorkOrder(admin, customer.id, { subject: `${marker} 开` });
    expect(on.tags).toEqual(['enabled']);

    expect((await admin.delete(`${RULES}/${r.id}`)).status).toBe(204);
    const gone = await createWorkOrder(admin, customer.id, { subject: `${marker} 删` });
    expect(gone.tags).toEqual([]);
    const log = await runs(`workOrderId=${on.id}`);
    expect(log.items.find((x: any) => x.ruleName === r.name)).toMatchObject({ ruleId: null, ruleName: r.name, matched: true });
  });

  it('assigns to a team and a person through the normal assignment, with the rule as the reason', async () => {
    const marker = unique('m');
    const service = await teamId(admin, 'service');
    const agent = await staff(server, { role: 'agent', teams: [service] });
    const r = await rule(marker, { actions: [{ type: 'setTeam', teamId: service }, { type: 'setAssignee', assigneeId: agent.id }] });
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id, { subject: `${marker} 分派` });
    expect(order).toMatchObject({ teamId: service, assigneeId: agent.id });
    const assigned = (await timeline(order.id)).filter((e) => e.type === 'workOrder.assigned' || e.type === 'workOrder.transferred');
    expect(assigned.at(-1).data).toMatchObject({ to: { assigneeId: agent.id }, rule: { id: r.id } });
  });
});

describe('dry run', () => {
  it('shows which conditions hold and what each action would do, and writes nothing', async () => {
    const customer = await createCustomer(admin, { tier: 'silver' });
    const order = await createWorkOrder(admin, customer.id, { subject: unique('试运行') });
    const before = await timeline(order.id);
    const logged = (await runs(`workOrderId=${order.id}`)).total;
    const res = await admin.post('/api/v1/automation/dry-run', {
      workOrderId: order.id,
      name: '试一试',
      conditions: [
        { field: 'customerTier', op: 'in', values: ['silver'] },
        { field: 'assignee', op: 'isNotEmpty' },
      ],
      actions: [
        { type: 'setPriority', priority: 'urgent' },
        { type: 'setStatus', status: 'waiting_customer' },
        { type: 'addTag', tag: 'dry' },
        { type: 'addNote', body: '{number}' },
        { type: 'setPriority', priority: 'urgent' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ workOrderId: order.id, number: order.number, matched: false, conditions: [{ matched: true }, { matched: false }] });
    expect(res.body.actions).toEqual([
      { type: 'setPriority', status: 'done' },
      { type: 'setStatus', status: 'skipped', reason: 'TRANSITION_NOT_ALLOWED' },
      { type: 'addTag', status: 'done' },
      { type: 'addNote', status: 'done' },
      // the earlier action's result is seen, as in a real run
      { type: 'setPriority', status: 'skipped', reason: 'unchanged' },
    ]);
    const after = (await admin.get(`/api/v1/work-orders/${order.id}`)).body;
    expect(after).toMatchObject({ priority: 'normal', tags: [] });
    expect(await timeline(order.id)).toEqual(before);
    expect((await runs(`workOrderId=${order.id}`)).total).toBe(logged);

    const byNumber = await admin.post('/api/v1/automation/dry-run', { number: order.number, actions: [{ type: 'addTag', tag: 'x' }] });
    expect(byNumber.body).toMatchObject({ workOrderId: order.id, matched: true, actions: [{ type: 'addTag', status: 'done' }] });
    const missing = await admin.post('/api/v1/automation/dry-run', { workOrderId: crypto.randomUUID(), actions: [{ type: 'addTag', tag: 'x' }] });
    expect(missing.status).toBe(404);
    expect((await admin.post('/api/v1/automation/dry-run', { number: 'NO-SUCH', actions: [{ type: 'addTag', tag: 'x' }] })).status).toBe(404);
  });
});
