import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, staff, teamId, unique } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';
import type { Workflow } from './tables.ts';
import { workflowProblems } from './workflowRules.ts';

const simple = (): Workflow => ({
  initial: 'open',
  statuses: [
    { key: 'open', name: '待处理', nameEn: 'Open', category: 'new' },
    { key: 'doing', name: '处理中', nameEn: 'Doing', category: 'open' },
    { key: 'done', name: '完成', nameEn: 'Done', category: 'closed' },
  ],
  transitions: [
    { from: 'open', to: 'doing' },
    { from: 'doing', to: 'done' },
  ],
});

const rules = (w: Workflow) => workflowProblems(w).map((p) => p.rule);

describe('workflow rules', () => {
  it('accepts a sound workflow', () => {
    expect(workflowProblems(simple())).toEqual([]);
  });

  it('refuses each broken rule by name', () => {
    const w = simple();
    expect(rules({ ...w, statuses: [...w.statuses, w.statuses[1]!] })).toContain('DUPLICATE_STATUS');
    expect(rules({ ...w, initial: 'nope' })).toContain('INITIAL_MISSING');
    expect(rules({ ...w, initial: 'doing', transitions: [...w.transitions, { from: 'doing', to: 'open' }] })).toEqual([
      'INITIAL_NOT_NEW',
    ]);
    expect(rules({ ...w, transitions: [...w.transitions, { from: 'doing', to: 'ghost' }] })).toEqual(['TRANSITION_UNKNOWN_STATUS']);
    expect(rules({ ...w, transitions: [...w.transitions, { from: 'doing', to: 'doing' }] })).toEqual(['SELF_TRANSITION']);
    expect(rules({ ...w, transitions: [...w.transitions, { from: 'open', to: 'doing' }] })).toEqual(['DUPLICATE_TRANSITION']);
    expect(rules({ ...w, statuses: w.statuses.map((s) => ({ ...s, category: s.key === 'done' ? 'resolved' : s.category })) })).toEqual([
      'NO_CLOSED_STATUS',
    ]);
    expect(workflowProblems({ ...w, transitions: [{ from: 'open', to: 'doing' }] })).toEqual([
      { rule: 'UNREACHABLE_STATUS', status: 'done' },
    ]);
  });
});

let server: TestServer;
let admin: Client;
let adminId: string;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  adminId = (await admin.get('/api/v1/auth/me')).body.id;
});
afterAll(() => server?.close());

/** Puts one order of the type in the given status, straight into the table (the order API is not under test here). */
async function orderInStatus(typeKey: string, status: string, category: 'new' | 'open') {
  const db = server.database.db;
  const customer = await db.insertInto('customers').values({ name: unique('客户') }).returning('id').executeTakeFirstOrThrow();
  return db
    .insertInto('work_orders')
    .values({
      number: unique('T'),
      type_key: typeKey,
      channel: 'phone',
      subject: 'test',
      customer_id: customer.id,
      priority: 'normal',
      status,
      status_category: category,
      created_by: adminId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe('work order types API', () => {
  it('lists the seeded types with localized workflow names and default team, for any logged-in user', async () => {
    const agent = await staff(server);
    const zh = await agent.get('/api/v1/work-order-types');
    expect(zh.status).toBe(200);
    const repair = zh.body.items.find((t: { key: string }) => t.key === 'repair');
    expect(repair).toMatchObject({ name: '报修', label: '报修', archived: false, defaultTeam: { name: '维修中心' } });
    expect(repair.workflow.initial).toBe('new');
    expect(repair.workflow.statuses[0]).toMatchObject({ key: 'new', label: '新建', category: 'new' });
    const en = await server.client('en').login('admin', 'admin-password-1');
    const repairEn = (await en.get('/api/v1/work-order-types')).body.items.find((t: { key: string }) => t.key === 'repair');
    expect(repairEn.label).toBe('Repair');
    expect(repairEn.workflow.statuses[0].label).toBe('New');
    expect((await server.client().get('/api/v1/work-order-types')).status).toBe(401);
  });

  it('lets an administrator add a type with its own workflow, and refuses a taken key', async () => {
    const key = unique('t_');
    const repairTeam = await teamId(admin, 'repair');
    const res = await admin.post('/api/v1/work-order-types', {
      key,
      name: '安装',
      nameEn: 'Installation',
      defaultTeamId: repairTeam,
      position: 8,
      workflow: simple(),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ key, label: '安装', defaultTeam: { id: repairTeam }, position: 8 });
    expect(res.body.workflow.statuses.map((s: { key: string }) => s.key)).toEqual(['open', 'doing', 'done']);
    const listed = (await admin.get('/api/v1/work-order-types')).body.items.map((t: { key: string }) => t.key);
    expect(listed).toContain(key);
    const again = await admin.post('/api/v1/work-order-types', { key, name: 'x', workflow: simple() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('WORK_ORDER_TYPE_KEY_TAKEN');
    const audit = await server.database.db
      .selectFrom('events')
      .select(['type', 'subject_type'])
      .where('type', '=', 'workOrderType.created')
      .where('data', '@>', JSON.stringify({ key }) as never)
      .execute();
    expect(audit).toEqual([{ type: 'workOrderType.created', subject_type: 'config' }]);
  });

  it('refuses a broken workflow with the rule that failed, writing nothing', async () => {
    const key = unique('t_');
    const bad = { ...simple(), transitions: [{ from: 'open', to: 'doing' }] };
    const res = await admin.post('/api/v1/work-order-types', { key, name: '坏流程', workflow: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('WORKFLOW_INVALID');
    expect(res.body.error.details.problems).toEqual([{ rule: 'UNREACHABLE_STATUS', status: 'done' }]);
    const noClosed = await admin.post('/api/v1/work-order-types', {
      key,
      name: '坏流程',
      workflow: { ...simple(), statuses: simple().statuses.map((s) => ({ ...s, category: s.category === 'closed' ? 'resolved' : s.category })) },
    });
    expect(noClosed.body.error.details.problems.map((p: { rule: string }) => p.rule)).toEqual(['NO_CLOSED_STATUS']);
    const badKey = await admin.post('/api/v1/work-order-types', { key: 'Bad-Key', name: 'x', workflow: simple() });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.code).toBe('VALIDATION_FAILED');
    const types = (await admin.get('/api/v1/work-order-types?includeArchived=true')).body.items.map((t: { key: string }) => t.key);
    expect(types).not.toContain(key);
  });

  it('is admin-only for changes: an agent or manager gets 403', async () => {
    for (const role of ['agent', 'manager'] as const) {
      const user = await staff(server, { role });
      const created = await user.post('/api/v1/work-order-types', { key: unique('t_'), name: 'x', workflow: simple() });
      expect(created.status).toBe(403);
      expect(created.body.error.code).toBe('FORBIDDEN');
      const patched = await user.patch('/api/v1/work-order-types/repair', { name: '改名' });
      expect(patched.status).toBe(403);
    }
    expect((await admin.get('/api/v1/work-order-types')).body.items.find((t: { key: string }) => t.key === 'repair').name).toBe('报修');
  });

  it('edits a workflow but refuses to drop a status orders are in, and keeps order categories in step', async () => {
    const key = unique('t_');
    await admin.post('/api/v1/work-order-types', { key, name: '测试', workflow: simple() });
    const order = await orderInStatus(key, 'doing', 'open');
    const withoutDoing: Workflow = {
      ...simple(),
      statuses: simple().statuses.filter((s) => s.key !== 'doing'),
      transitions: [{ from: 'open', to: 'done' }],
    };
    const refused = await admin.patch(`/api/v1/work-order-types/${key}`, { workflow: withoutDoing });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'WORKFLOW_STATUS_IN_USE', details: { statuses: ['doing'] } });

    // Renaming and recategorising a status in use is fine; its orders follow the new category.
    const renamed: Workflow = {
      ...simple(),
      statuses: simple().statuses.map((s) => (s.key === 'doing' ? { ...s, name: '等待', category: 'pending' } : s)),
    };
    const ok = await admin.patch(`/api/v1/work-order-types/${key}`, { workflow: renamed, nameEn: 'Test' });
    expect(ok.status).toBe(200);
    expect(ok.body.workflow.statuses[1]).toMatchObject({ key: 'doing', name: '等待', category: 'pending' });
    const row = await server.database.db.selectFrom('work_orders').select('status_category').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row.status_category).toBe('pending');
    const events = await server.database.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'workOrderType.updated')
      .where('data', '@>', JSON.stringify({ key }) as never)
      .execute();
    expect(events).toHaveLength(1);
    expect(Object.keys((events[0]!.data as { after: object }).after).sort()).toEqual(['name_en', 'workflow']);
    // Saving the same workflow again is no change: no event.
    await admin.patch(`/api/v1/work-order-types/${key}`, { workflow: renamed });
    const again = await server.database.db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'workOrderType.updated')
      .where('data', '@>', JSON.stringify({ key }) as never)
      .execute();
    expect(again).toHaveLength(1);
  });

  it('archives a type: gone from the default list, kept with includeArchived', async () => {
    const key = unique('t_');
    await admin.post('/api/v1/work-order-types', { key, name: '临时', workflow: simple() });
    const res = await admin.patch(`/api/v1/work-order-types/${key}`, { archived: true });
    expect(res.body.archived).toBe(true);
    expect((await admin.get('/api/v1/work-order-types')).body.items.map((t: { key: string }) => t.key)).not.toContain(key);
    expect((await admin.get('/api/v1/work-order-types?includeArchived=true')).body.items.map((t: { key: string }) => t.key)).toContain(key);
    // New orders cannot use it; un-archiving brings it back.
    const customer = await createCustomer(admin);
    const refused = await admin.post('/api/v1/work-orders', { typeKey: key, channel: 'phone', subject: '测试', customerId: customer.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('WORK_ORDER_TYPE_UNKNOWN');
    await admin.patch(`/api/v1/work-order-types/${key}`, { archived: false });
    const order = await createWorkOrder(admin, customer.id, { typeKey: key });
    expect(order.status.key).toBe('open');
    expect((await admin.patch('/api/v1/work-order-types/no_such', { name: 'x' })).status).toBe(404);
    const badTeam = await admin.patch(`/api/v1/work-order-types/${key}`, { defaultTeamId: '00000000-0000-4000-8000-000000000000' });
    expect(badTeam.status).toBe(400);
  });
});
