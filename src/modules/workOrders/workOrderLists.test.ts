import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, customerUser, staff, unique } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

async function ids(client: Client, query: string): Promise<string[]> {
  const res = await client.get(`/api/v1/work-orders?pageSize=100&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((o: { id: string }) => o.id);
}

async function newTeam(): Promise<string> {
  const res = await admin.post('/api/v1/teams', { name: unique('组') });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('queues', () => {
  it('gives each view exactly its orders, limited to what the agent may see', async () => {
    const team = await newTeam();
    const agent = await staff(server, { teams: [team] });
    const mate = await staff(server, { teams: [team] });
    const customer = await createCustomer(admin);
    const past = new Date(Date.now() - 3600_000).toISOString();
    const mine = await createWorkOrder(admin, customer.id, { teamId: team, assigneeId: agent.id });
    const mates = await createWorkOrder(admin, customer.id, { teamId: team, assigneeId: mate.id });
    const unassigned = await createWorkOrder(admin, customer.id, { teamId: team });
    const overdue = await createWorkOrder(admin, customer.id, { teamId: team, dueAt: past });
    const done = await createWorkOrder(admin, customer.id, { teamId: team, assigneeId: agent.id });
    await admin.post(`/api/v1/work-orders/${done.id}/transitions`, { to: 'resolved' });
    const elsewhere = await createWorkOrder(admin, customer.id); // 客服中心, not the agent's team

    expect(await ids(agent, 'view=mine')).toEqual([mine.id]);
    expect(await ids(agent, 'view=team')).toEqual([overdue.id, unassigned.id, mates.id, mine.id]);
    expect(await ids(agent, 'view=unassigned')).toEqual([overdue.id, unassigned.id]);
    expect(await ids(agent, 'view=overdue')).toEqual([overdue.id]);
    expect(await ids(agent, 'view=all')).toEqual([done.id, overdue.id, unassigned.id, mates.id, mine.id]);
    expect(await ids(agent, '')).not.toContain(elsewhere.id);
    // Managers and admins see every unassigned order, not only their teams'.
    const unassignedAll = await ids(admin, `view=unassigned&customerId=${customer.id}`);
    expect(unassignedAll).toEqual([elsewhere.id, overdue.id, unassigned.id]);
    const noTeam = await staff(server);
    expect(await ids(noTeam, 'view=team')).toEqual([]);
    expect(await ids(noTeam, 'view=unassigned')).toEqual([]);
  });

  it('presents list items with names and paginates', async () => {
    const team = await newTeam();
    const agent = await staff(server, { teams: [team], displayName: '张工' });
    const customer = await createCustomer(admin);
    for (let i = 0; i < 3; i++) await createWorkOrder(admin, customer.id, { teamId: team, assigneeId: agent.id, tags: ['t'] });
    const page = await agent.get('/api/v1/work-orders?view=mine&pageSize=2&page=2');
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({
      type: { key: 'consultation', name: '咨询' },
      status: { key: 'new', name: '新建', category: 'new' },
      statusCategory: 'new',
      priority: 'normal',
      channel: 'phone',
      customer: { id: customer.id, name: customer.name },
      team: { id: team },
      assignee: { id: agent.id, displayName: '张工' },
      firstContact: { id: expect.any(String) },
      tags: ['t'],
    });
    expect((await agent.get('/api/v1/work-orders?pageSize=101')).status).toBe(400);
    expect((await agent.get('/api/v1/work-orders?view=everything')).status).toBe(400);
    expect((await agent.get('/api/v1/work-orders?statusCategory=new,bogus')).status).toBe(400);
  });
});

describe('filters and sorting', () => {
  it('filters by status, category, type, priority, channel, team, assignee, tag and creation time', async () => {
    const team = await newTeam();
    const agent = await staff(server, { teams: [team] });
    const customer = await createCustomer(admin);
    const c = `customerId=${customer.id}`;
    const a = await createWorkOrder(admin, customer.id, { priority: 'urgent', tags: ['vip'], channel: 'email' });
    const b = await createWorkOrder(admin, customer.id, { typeKey: 'complaint', teamId: team, assigneeId: agent.id });
    const d = await createWorkOrder(admin, customer.id, { typeKey: 'repair', priority: 'low' });
    await admin.post(`/api/v1/work-orders/${d.id}/transitions`, { to: 'in_progress' });

    expect(await ids(admin, `${c}&status=in_progress`)).toEqual([d.id]);
    expect(await ids(admin, `${c}&statusCategory=new`)).toEqual([b.id, a.id]);
    expect(await ids(admin, `${c}&statusCategory=open,new`)).toEqual([d.id, b.id, a.id]);
    expect(await ids(admin, `${c}&typeKey=complaint`)).toEqual([b.id]);
    expect(await ids(admin, `${c}&priority=urgent`)).toEqual([a.id]);
    expect(await ids(admin, `${c}&channel=email`)).toEqual([a.id]);
    expect(await ids(admin, `${c}&teamId=${team}`)).toEqual([b.id]);
    expect(await ids(admin, `${c}&assigneeId=${agent.id}`)).toEqual([b.id]);
    expect(await ids(admin, `${c}&tag=vip`)).toEqual([a.id]);
    const from = encodeURIComponent(b.createdAt);
    expect(await ids(admin, `${c}&createdFrom=${from}`)).toEqual([d.id, b.id]);
    expect(await ids(admin, `${c}&createdTo=${from}`)).toEqual([a.id]);
    expect(await ids(admin, `${c}&sort=priority&order=desc`)).toEqual([a.id, b.id, d.id]);
    expect(await ids(admin, `${c}&sort=createdAt&order=asc`)).toEqual([a.id, b.id, d.id]);
    expect(await ids(admin, `${c}&sort=updatedAt&order=desc`)).toEqual([d.id, b.id, a.id]);
  });
});

describe('search', () => {
  it('finds orders by number, number suffix, Chinese subject words and customer name', async () => {
    const name = `华东精密${unique('')}`;
    const customer = await createCustomer(admin, { name });
    const other = await createCustomer(admin);
    const printer = await createWorkOrder(admin, customer.id, { subject: '激光打印机卡纸严重' });
    const network = await createWorkOrder(admin, other.id, { subject: '网络交换机故障' });
    const q = (text: string) => ids(admin, `q=${encodeURIComponent(text)}`);

    expect(await q(printer.number)).toEqual([printer.id]);
    expect(await q(printer.number.toLowerCase())).toEqual([printer.id]);
    const suffix = printer.number.split('-')[1];
    expect(await q(suffix)).toContain(printer.id);
    expect(await q(suffix)).not.toContain(network.id);
    expect(await q('卡纸')).toEqual([printer.id]);
    expect(await q('打印机 卡纸')).toEqual([printer.id]);
    expect(await q('交换机')).toEqual([network.id]);
    expect(await q(name)).toEqual([printer.id]);
    expect(await q('纸卡')).toEqual([]);
    expect(await q('---')).toEqual([]);

    // A customer user searching sees only their organisation's orders.
    const portal = await customerUser(server, other.id);
    expect(await ids(portal, `q=${encodeURIComponent('卡纸')}`)).toEqual([]);
    expect(await ids(portal, `q=${encodeURIComponent('交换机')}`)).toEqual([network.id]);
  });
});

describe('API document', () => {
  it('describes the work order routes, including the list query', async () => {
    const doc = (await server.client().get('/api/docs/json')).body;
    expect(doc.paths['/api/v1/work-orders'].post).toBeDefined();
    const params = doc.paths['/api/v1/work-orders'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['view', 'statusCategory', 'q', 'sort', 'page']));
    expect(doc.paths['/api/v1/work-orders/{id}/transitions'].post).toBeDefined();
  });
});
