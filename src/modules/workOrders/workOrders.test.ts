import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAsset,
  createContact,
  createCustomer,
  createWorkOrder,
  customerUser,
  staff,
  teamId,
  unique,
} from '../../../test/factories.ts';
import { Client, startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

function shanghaiDay(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

async function ordersOf(customerId: string): Promise<number> {
  const res = await admin.get(`/api/v1/work-orders?customerId=${customerId}`);
  expect(res.status).toBe(200);
  return res.body.total;
}

describe('creating work orders (staff)', () => {
  it('numbers the order by the China date, starts it in the workflow initial status and records the first-contact owner', async () => {
    const service = await teamId(admin, 'service');
    const agent = await staff(server, { teams: [service] });
    const customer = await createCustomer(admin);
    const contact = await createContact(admin, customer.id);
    const asset = await createAsset(admin, customer.id);
    const res = await agent.post('/api/v1/work-orders', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '打印机无法连接网络',
      description: '客户来电：办公室打印机无法连接',
      customerId: customer.id,
      contactId: contact.id,
      assetId: asset.id,
      tags: ['打印机', '打印机'],
    });
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(new RegExp(`^GD${shanghaiDay()}-\\d{4,}$`));
    expect(res.body).toMatchObject({
      status: { key: 'new', name: '新建', category: 'new' },
      priority: 'normal',
      teamId: service,
      assigneeId: null,
      firstContactId: agent.id,
      tags: ['打印机'],
    });

    const detail = await agent.get(`/api/v1/work-orders/${res.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      number: res.body.number,
      type: { key: 'consultation', name: '咨询' },
      customer: { id: customer.id, name: customer.name },
      contact: { id: contact.id },
      asset: { id: asset.id },
      team: { id: service, name: '客服中心' },
      firstContact: { id: agent.id },
      createdBy: { id: agent.id },
      abilities: { reply: true, note: true, transition: true, assign: true },
    });
    expect(detail.body.allowedTransitions.map((s: { key: string }) => s.key)).toEqual([
      'assigned',
      'in_progress',
      'resolved',
      'closed',
    ]);
    const timeline = await agent.get(`/api/v1/work-orders/${res.body.id}/timeline`);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(['workOrder.created']);
    // The event is written in the order's own INSERT statement and carries the number it got.
    expect(timeline.body.items[0].data).toMatchObject({ number: res.body.number, subject: res.body.subject, teamId: service });
  });

  it('puts an order into its type default team and answers in English when asked', async () => {
    const customer = await createCustomer(admin);
    const repairTeam = await teamId(admin, 'repair');
    const order = await createWorkOrder(admin, customer.id, { typeKey: 'repair', priority: 'urgent' });
    expect(order.teamId).toBe(repairTeam);
    const en = server.client('en');
    en.cookie = admin.cookie;
    const detail = await en.get(`/api/v1/work-orders/${order.id}`);
    expect(detail.body.status.name).toBe('New');
    expect(detail.body.type.name).toBe('Repair');
  });

  it('gives 100 parallel creates 100 distinct, consecutive numbers', async () => {
    const customer = await createCustomer(admin);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        admin.post('/api/v1/work-orders', { typeKey: 'consultation', channel: 'api', subject: `并发 ${i}`, customerId: customer.id }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    const numbers = results.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(100);
    const day = shanghaiDay();
    expect(numbers.every((n) => n.startsWith(`GD${day}-`))).toBe(true);
    const seq = numbers.map((n) => Number(n.split('-')[1])).sort((a, b) => a - b);
    expect(seq[99]! - seq[0]!).toBe(99);
    expect(await ordersOf(customer.id)).toBe(100);
  });

  it('refuses missing and wrong-typed fields with 400 and writes nothing', async () => {
    const customer = await createCustomer(admin);
    const base = { typeKey: 'consultation', channel: 'phone', subject: '测试', customerId: customer.id };
    const bad = [
      { ...base, subject: undefined },
      { ...base, channel: 'fax' },
      { ...base, priority: 5 },
      { ...base, customerId: 'not-a-uuid' },
      { ...base, tags: 'vip' },
      { ...base, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      { ...base, tags: ['x'.repeat(31)] },
      { ...base, dueAt: 'tomorrow' },
      { ...base, description: 'x'.repeat(20_001) },
      { ...base, status: 'closed' },
      { ...base, firstContactId: customer.id },
    ];
    for (const body of bad) {
      const res = await admin.post('/api/v1/work-orders', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const unknownType = await admin.post('/api/v1/work-orders', { ...base, typeKey: 'nope' });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error.code).toBe('WORK_ORDER_TYPE_UNKNOWN');
    expect(await ordersOf(customer.id)).toBe(0);
  });

  it('refuses an oversized payload with 413', async () => {
    const customer = await createCustomer(admin);
    const res = await admin.post('/api/v1/work-orders', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '大',
      customerId: customer.id,
      description: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await ordersOf(customer.id)).toBe(0);
  });

  it('requires contact and asset of the same customer, and an assignee from the team', async () => {
    const customer = await createCustomer(admin);
    const other = await createCustomer(admin);
    const foreignContact = await createContact(admin, other.id);
    const foreignAsset = await createAsset(admin, other.id);
    const repairTech = await staff(server, { role: 'technician', teams: [await teamId(admin, 'repair')] });
    const base = { typeKey: 'consultation', channel: 'phone', subject: '测试', customerId: customer.id };
    const contact = await admin.post('/api/v1/work-orders', { ...base, contactId: foreignContact.id });
    expect(contact.status).toBe(400);
    expect(contact.body.error.details.field).toBe('contactId');
    const asset = await admin.post('/api/v1/work-orders', { ...base, assetId: foreignAsset.id });
    expect(asset.body.error.details.field).toBe('assetId');
    const assignee = await admin.post('/api/v1/work-orders', { ...base, assigneeId: repairTech.id });
    expect(assignee.status).toBe(400);
    expect(assignee.body.error.code).toBe('ASSIGNEE_NOT_IN_TEAM');
    expect(await ordersOf(customer.id)).toBe(0);
  });

  it('writes nothing and uses no number when a reference check fails in the create statement', async () => {
    const customer = await createCustomer(admin);
    const other = await createCustomer(admin);
    const foreignContact = await createContact(admin, other.id);
    const base = { typeKey: 'consultation', channel: 'phone', subject: '测试', customerId: customer.id };
    const seq = (number: string) => Number(number.split('-')[1]);
    const first = await admin.post('/api/v1/work-orders', base);
    expect(first.status).toBe(201);
    const refused = [
      [{ ...base, teamId: customer.id }, 'teamId'],
      [{ ...base, customerId: crypto.randomUUID() }, 'customerId'],
      [{ ...base, typeKey: 'nope', contactId: foreignContact.id }, 'typeKey'],
      [{ ...base, contactId: foreignContact.id, teamId: customer.id }, 'contactId'],
    ] as const;
    for (const [body, field] of refused) {
      const res = await admin.post('/api/v1/work-orders', body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.field).toBe(field);
    }
    const next = await admin.post('/api/v1/work-orders', base);
    expect(seq(next.body.number)).toBe(seq(first.body.number) + 1);
    expect(await ordersOf(customer.id)).toBe(2);
  });

  it('hands the number back when the create fails after drawing it', async () => {
    const customer = await createCustomer(admin);
    const outsider = await staff(server, { role: 'agent' });
    const base = { typeKey: 'consultation', channel: 'phone', subject: '测试', customerId: customer.id };
    const seq = (number: string) => Number(number.split('-')[1]);
    const first = await admin.post('/api/v1/work-orders', base);
    // The assignee is checked inside the create's transaction, after the number was drawn.
    const refused = await admin.post('/api/v1/work-orders', { ...base, teamId: await teamId(admin, 'repair'), assigneeId: outsider.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('ASSIGNEE_NOT_IN_TEAM');
    const next = await admin.post('/api/v1/work-orders', base);
    expect(seq(next.body.number)).toBe(seq(first.body.number) + 1);
    expect(await ordersOf(customer.id)).toBe(2);
  });
});

describe('customers and their own orders', () => {
  it('lets a customer user open a portal order for their organisation only, without a first-contact owner', async () => {
    const customer = await createCustomer(admin);
    const contact = await createContact(admin, customer.id);
    const portal = await customerUser(server, customer.id);
    const res = await portal.post('/api/v1/work-orders', {
      typeKey: 'repair',
      subject: '设备报修',
      description: '机器不开机',
      contactId: contact.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'portal', customerId: customer.id, firstContactId: null, priority: 'normal' });
    const mine = await portal.get('/api/v1/work-orders');
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([res.body.id]);
    expect((await portal.get(`/api/v1/work-orders/${res.body.id}`)).body.abilities).toMatchObject({
      reply: true,
      note: false,
      edit: false,
      transition: false,
      assign: false,
    });
  });

  it('refuses customer attempts to set organisation, team, status, priority or owner', async () => {
    const customer = await createCustomer(admin);
    const other = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const base = { typeKey: 'repair', subject: '报修' };
    const forbidden = [
      { customerId: other.id },
      { teamId: await teamId(admin, 'service') },
      { assigneeId: portal.id },
      { status: 'closed' },
      { priority: 'urgent' },
      { channel: 'phone' },
      { firstContactId: portal.id },
    ];
    for (const extra of forbidden) {
      const res = await portal.post('/api/v1/work-orders', { ...base, ...extra });
      expect(res.status, Object.keys(extra)[0]).toBe(400);
    }
    const foreignContact = await createContact(admin, other.id);
    expect((await portal.post('/api/v1/work-orders', { ...base, contactId: foreignContact.id })).status).toBe(400);
    expect(await ordersOf(customer.id)).toBe(0);
    expect(await ordersOf(other.id)).toBe(0);
  });

  it("answers 404 when a customer touches another organisation's order", async () => {
    const a = await createCustomer(admin);
    const b = await createCustomer(admin);
    const portalA = await customerUser(server, a.id);
    const orderB = await createWorkOrder(admin, b.id);
    for (const res of [
      await portalA.get(`/api/v1/work-orders/${orderB.id}`),
      await portalA.get(`/api/v1/work-orders/${orderB.id}/timeline`),
      await portalA.post(`/api/v1/work-orders/${orderB.id}/replies`, { body: '你好', internal: false }),
      await portalA.post(`/api/v1/work-orders/${orderB.id}/transitions`, { to: 'closed' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('WORK_ORDER_NOT_FOUND');
    }
    expect((await portalA.get('/api/v1/work-orders?view=all')).body.total).toBe(0);
    expect((await admin.get(`/api/v1/work-orders/${orderB.id}/timeline`)).body.items).toHaveLength(1);
  });

  it('refuses customer edits, transitions and internal notes on their own order', async () => {
    const customer = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const order = await createWorkOrder(admin, customer.id);
    const edit = await portal.patch(`/api/v1/work-orders/${order.id}`, { subject: '改' });
    expect(edit.status).toBe(403);
    const move = await portal.post(`/api/v1/work-orders/${order.id}/transitions`, { to: 'closed' });
    expect(move.status).toBe(403);
    const note = await portal.post(`/api/v1/work-orders/${order.id}/replies`, { body: '内部', internal: true });
    expect(note.status).toBe(403);
    const detail = await admin.get(`/api/v1/work-orders/${order.id}`);
    expect(detail.body).toMatchObject({ subject: order.subject, status: { key: 'new' } });
  });

  it('makes the first staff member who acts on a customer order its first-contact owner, for good', async () => {
    const customer = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const service = await teamId(admin, 'service');
    const agent = await staff(server, { teams: [service] });
    const other = await staff(server, { teams: [service] });
    const order = (await portal.post('/api/v1/work-orders', { typeKey: 'consultation', subject: unique('咨询') })).body;
    expect((await agent.post(`/api/v1/work-orders/${order.id}/replies`, { body: '您好，已收到', internal: false })).status).toBe(201);
    await other.post(`/api/v1/work-orders/${order.id}/replies`, { body: '补充', internal: false });
    const detail = (await admin.get(`/api/v1/work-orders/${order.id}`)).body;
    expect(detail.firstContact.id).toBe(agent.id);
    expect(detail.firstRespondedAt).not.toBeNull();
  });
});

describe('custom fields and API tokens', () => {
  it('checks custom fields against the definitions and stores them', async () => {
    const key = unique('f_');
    // No admin API for definitions in this module: set one up directly.
    await server.database.db
      .insertInto('custom_field_defs')
      .values({ entity: 'work_order', key, label: '故障代码', kind: 'number' })
      .execute();
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id, { customFields: { [key]: 102 } });
    expect(order.customFields).toEqual({ [key]: 102 });
    const wrong = await admin.post('/api/v1/work-orders', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '测试',
      customerId: customer.id,
      customFields: { [key]: 'E102' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.field).toBe(`customFields.${key}`);
    const unknown = await admin.patch(`/api/v1/work-orders/${order.id}`, { customFields: { nope: 'x' } });
    expect(unknown.status).toBe(400);
    const cleared = await admin.patch(`/api/v1/work-orders/${order.id}`, { customFields: { [key]: null } });
    expect(cleared.body.customFields).toEqual({});
    expect(await ordersOf(customer.id)).toBe(1);
  });

  it("treats a customer's API token like the customer: portal channel, own organisation, no first-contact owner", async () => {
    const customer = await createCustomer(admin);
    const other = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const token = await admin.post('/api/v1/api-tokens', { name: 'erp', userId: portal.id });
    expect(token.status).toBe(201);
    const api = new Client(server.url, 'zh-CN', token.body.token);
    const res = await api.post('/api/v1/work-orders', { typeKey: 'repair', subject: '接口报修' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'portal', customerId: customer.id, firstContactId: null });
    expect((await api.post('/api/v1/work-orders', { typeKey: 'repair', subject: 'x', customerId: other.id })).status).toBe(400);
    const otherOrder = await createWorkOrder(admin, other.id);
    expect((await api.get(`/api/v1/work-orders/${otherOrder.id}`)).status).toBe(404);
  });
});
