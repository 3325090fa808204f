import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, customerUser, staff, teamId, unique } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';
import { handshakeStatus, openSocket } from '../../../test/socket.ts';

let server: TestServer;
let admin: Client;
let service: string;
let repair: string;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  service = await teamId(admin, 'service');
  repair = await teamId(admin, 'repair');
});
afterAll(() => server?.close());

const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6];
const inbox = async (client: Client, query = '') => (await client.get(`/api/v1/notifications${query}`)).body;
const unread = async (client: Client) => (await client.get('/api/v1/notifications/unread-count')).body.unread as number;
const usernameOf = async (client: Client) => (await client.get('/api/v1/auth/me')).body.username as string;

describe('notifications from work order events', () => {
  it('tells the new assignee (not the person assigning) and the new one on a transfer', async () => {
    const lead = await staff(server, { teams: [service] });
    const first = await staff(server, { teams: [service] });
    const second = await staff(server, { teams: [service] });
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(lead, customer.id, { teamId: service });

    expect((await lead.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: first.id })).status).toBe(200);
    const mine = await inbox(first);
    expect(mine).toMatchObject({ total: 1, unread: 1 });
    expect(mine.items[0]).toMatchObject({
      kind: 'assigned',
      workOrderId: order.id,
      data: { number: order.number, subject: order.subject, transfer: false },
      actor: { id: lead.id },
      readAt: null,
    });
    expect((await inbox(lead)).total).toBe(0);

    const moved = await first.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: second.id, reason: '休假' });
    expect(moved.status).toBe(200);
    expect((await inbox(second)).items[0]).toMatchObject({ kind: 'assigned', data: { transfer: true, reason: '休假' } });
    expect((await inbox(first)).total).toBe(1);
  });

  it('tells whoever handles the order of a customer reply, or the team while nobody does; staff replies tell nobody', async () => {
    const member1 = await staff(server, { teams: [repair] });
    const member2 = await staff(server, { teams: [repair] });
    const outsider = await staff(server, { teams: [service] });
    const customer = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const order = await createWorkOrder(admin, customer.id, { teamId: repair });

    const reply = await portal.post(`/api/v1/work-orders/${order.id}/replies`, { body: '打印机还是卡纸，\n请尽快上门', internal: false });
    expect(reply.status).toBe(201);
    for (const member of [member1, member2]) {
      expect((await inbox(member)).items).toMatchObject([{ kind: 'customerReply', workOrderId: order.id, data: { excerpt: '打印机还是卡纸， 请尽快上门' } }]);
    }
    expect((await inbox(outsider)).total).toBe(0);

    await admin.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: member1.id });
    await portal.post(`/api/v1/work-orders/${order.id}/replies`, { body: '补充：型号 M7400', internal: false });
    expect((await inbox(member1)).items.map((n: { kind: string }) => n.kind)).toEqual(['customerReply', 'assigned', 'customerReply']);
    expect((await inbox(member2)).total).toBe(1);

    await member1.post(`/api/v1/work-orders/${order.id}/replies`, { body: '明天上午上门', internal: false });
    expect((await inbox(member2)).total).toBe(1);
    expect((await inbox(portal)).total).toBe(0);
  });

  it('tells a mentioned staff member who may see the order, and nobody else mentioned', async () => {
    const writer = await staff(server, { teams: [service] });
    const colleague = await staff(server, { teams: [service] });
    const otherTeam = await staff(server, { teams: [repair] });
    const manager = await staff(server, { role: 'manager' });
    const customer = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const order = await createWorkOrder(writer, customer.id, { teamId: service });
    const names = (await Promise.all([colleague, otherTeam, manager, portal, writer].map(usernameOf))) as [string, string, string, string, string];
    const [colleagueName, otherName, managerName, portalName, writerName] = names;

    const note = `@${colleagueName} 请看一下；抄送 @${otherName}、@${managerName.toUpperCase()}. 客户 @${portalName} 自己 @${writerName} mail a@${colleagueName}`;
    expect((await writer.post(`/api/v1/work-orders/${order.id}/replies`, { body: note, internal: true })).status).toBe(201);

    expect((await inbox(colleague)).items).toMatchObject([{ kind: 'mention', workOrderId: order.id, data: { internal: true, number: order.number } }]);
    expect((await inbox(manager)).items).toMatchObject([{ kind: 'mention' }]);
    expect((await inbox(otherTeam)).total).toBe(0);
    expect((await inbox(portal)).total).toBe(0);
    expect((await inbox(writer)).total).toBe(0);
  });

  it('gives an order routed by the duty roster one bell entry (why it came), not also a plain assignment', async () => {
    const team = (await admin.post('/api/v1/teams', { name: unique('值班组') })).body;
    const tech = await staff(server, { role: 'technician', teams: [team.id] });
    const shift = (await admin.post(`/api/v1/duty/teams/${team.id}/shifts`, { name: unique('班'), weekdays: ALL_WEEK, startTime: '00:00', endTime: '24:00' })).body;
    for (const weekday of ALL_WEEK) await admin.put(`/api/v1/duty/shifts/${shift.id}/pattern/${weekday}`, { userIds: [tech.id] });
    expect((await admin.put(`/api/v1/duty/teams/${team.id}/routing`, { mode: 'roundRobin', typeKeys: ['repair'] })).status).toBe(200);

    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey: 'repair', teamId: team.id });
    expect(order.assigneeId).toBe(tech.id);
    expect((await inbox(tech)).items).toMatchObject([{ kind: 'dutyNewOrder', workOrderId: order.id, data: { number: order.number } }]);
    expect(await unread(tech)).toBe(1);
  });
});

describe('reading notifications', () => {
  it('lists only the caller’s own, filters unread, and marks one or all read', async () => {
    const agent = await staff(server, { teams: [service] });
    const other = await staff(server, { teams: [service] });
    const customer = await createCustomer(admin);
    const orders = [];
    for (let i = 0; i < 3; i++) orders.push(await createWorkOrder(admin, customer.id, { teamId: service, assigneeId: agent.id }));
    expect(await unread(agent)).toBe(3);
    const list = await inbox(agent, '?pageSize=2');
    expect(list).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
    // newest first
    expect(list.items.map((n: { workOrderId: string }) => n.workOrderId)).toEqual([orders[2].id, orders[1].id]);

    const someoneElses = await other.post(`/api/v1/notifications/${list.items[0].id}/read`);
    expect(someoneElses.status).toBe(404);
    expect(someoneElses.body.error.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await other.get('/api/v1/notifications')).body.total).toBe(0);
    expect(await unread(agent)).toBe(3);

    const one = await agent.post(`/api/v1/notifications/${list.items[0].id}/read`);
    expect(one.body).toEqual({ marked: 1, unread: 2 });
    expect((await agent.post(`/api/v1/notifications/${list.items[0].id}/read`)).body).toEqual({ marked: 0, unread: 2 });
    expect((await inbox(agent, '?unread=true')).items.map((n: { workOrderId: string }) => n.workOrderId)).toEqual([orders[1].id, orders[0].id]);
    expect((await inbox(agent)).items[0].readAt).not.toBeNull();

    expect((await agent.post('/api/v1/notifications/read-all', { workOrderId: orders[0].id })).body).toEqual({ marked: 1, unread: 1 });
    expect((await agent.post('/api/v1/notifications/read-all', {})).body).toEqual({ marked: 1, unread: 0 });
    expect((await inbox(agent, '?unread=true')).total).toBe(0);
    expect((await agent.post('/api/v1/notifications/read-all', { extra: 1 })).status).toBe(400);
    expect((await server.client().get('/api/v1/notifications')).status).toBe(401);
  });

  it('keeps the subject and what was said from a reader who can no longer see the order', async () => {
    const writer = await staff(server, { teams: [service] });
    const reader = await staff(server, { teams: [service] });
    const order = await createWorkOrder(writer, (await createCustomer(admin)).id, { teamId: service, subject: '机密：合同续签' });
    await writer.post(`/api/v1/work-orders/${order.id}/replies`, { body: `@${await usernameOf(reader)} 报价 8 折`, internal: true });
    expect((await inbox(reader)).items[0]).toMatchObject({ workOrderId: order.id, data: { subject: '机密：合同续签' } });

    expect((await admin.post(`/api/v1/work-orders/${order.id}/assign`, { teamId: repair, reason: '转维修组' })).status).toBe(200);
    const after = (await inbox(reader)).items[0];
    expect(after).toMatchObject({ kind: 'mention', workOrderId: null, data: { number: order.number } });
    expect(JSON.stringify(after)).not.toContain('机密');
    expect(JSON.stringify(after)).not.toContain('8 折');
  });
});

describe('preferences', () => {
  it('start with every kind on; a kind turned off is not delivered, others still are', async () => {
    const agent = await staff(server, { teams: [service] });
    const initial = (await agent.get('/api/v1/me/notification-preferences')).body;
    expect(Object.values(initial.inApp).every((on) => on === true)).toBe(true);
    expect(Object.keys(initial.inApp)).toEqual(['assigned', 'customerReply', 'mention', 'slaWarning', 'slaBreach', 'dutyNewOrder', 'rule']);

    const bad = await agent.put('/api/v1/me/notification-preferences', { inApp: { assigned: false, nonsense: true } });
    expect(bad.status).toBe(400);
    expect((await agent.get('/api/v1/me/notification-preferences')).body.inApp.assigned).toBe(true);

    const saved = await agent.put('/api/v1/me/notification-preferences', { inApp: { assigned: false } });
    expect(saved.status).toBe(200);
    expect(saved.body.inApp).toMatchObject({ assigned: false, customerReply: true, mention: true });

    const customer = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const order = await createWorkOrder(admin, customer.id, { teamId: service });
    expect((await admin.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: agent.id })).status).toBe(200);
    expect((await portal.post(`/api/v1/work-orders/${order.id}/replies`, { body: '谢谢', internal: false })).status).toBe(201);
    expect((await inbox(agent)).items.map((n: { kind: string }) => n.kind)).toEqual(['customerReply']);

    // Leaving a kind out keeps it; turning it back on delivers again.
    const again = await agent.put('/api/v1/me/notification-preferences', { inApp: { mention: false } });
    expect(again.body.inApp).toMatchObject({ assigned: false, mention: false });
    await agent.put('/api/v1/me/notification-preferences', { inApp: { assigned: true } });
    const second = await createWorkOrder(admin, customer.id, { teamId: service });
    expect((await admin.post(`/api/v1/work-orders/${second.id}/assign`, { assigneeId: agent.id })).status).toBe(200);
    expect((await inbox(agent)).items[0]).toMatchObject({ kind: 'assigned', workOrderId: second.id });
  });
});

describe('realtime socket', () => {
  it('refuses anonymous, cross-origin, cross-site and API-token handshakes', async () => {
    const agent = await staff(server, { teams: [service] });
    expect(await handshakeStatus(server.url, { origin: server.url })).toBe(401);
    expect(await handshakeStatus(server.url, { cookie: agent.cookie, origin: 'https://evil.example' })).toBe(403);
    expect(await handshakeStatus(server.url, { cookie: agent.cookie, origin: server.url, 'sec-fetch-site': 'cross-site' })).toBe(403);
    const token = (await admin.post('/api/v1/api-tokens', { name: unique('集成') })).body.token as string;
    expect(await handshakeStatus(server.url, { authorization: `Bearer ${token}` })).toBe(403);
    expect(await handshakeStatus(server.url, { cookie: agent.cookie, origin: server.url })).toBe(101);
  });

  it('pushes notifications to their recipient and work order events to those who may see the order', async () => {
    const agent = await staff(server, { teams: [service] });
    const otherTeam = await staff(server, { teams: [repair] });
    const customer = await createCustomer(admin);
    const elsewhere = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const agentSocket = await openSocket(server.url, agent);
    const otherSocket = await openSocket(server.url, otherTeam);
    const portalSocket = await openSocket(server.url, portal);

    const order = await createWorkOrder(admin, customer.id, { teamId: service });
    await agentSocket.next((m) => m.type === 'workOrder' && m.id === order.id && m.event === 'workOrder.created');
    await portalSocket.next((m) => m.type === 'workOrder' && m.id === order.id && m.event === 'workOrder.created');

    await admin.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: agent.id });
    await agentSocket.next((m) => m.type === 'notifications');
    await agentSocket.next((m) => m.type === 'workOrder' && m.event === 'workOrder.assigned');
    await admin.post(`/api/v1/work-orders/${order.id}/replies`, { body: '内部备注', internal: true });
    await agentSocket.next((m) => m.type === 'workOrder' && m.event === 'workOrder.noted');
    const hidden = await createWorkOrder(admin, elsewhere.id, { teamId: service });
    await agentSocket.next((m) => m.id === hidden.id);

    // By now every earlier message has been delivered (one queue, in commit order).
    expect(otherSocket.messages.filter((m) => m.type !== 'hello')).toEqual([]);
    const portalHeard = portalSocket.messages.filter((m) => m.type === 'workOrder');
    expect(portalHeard.every((m) => m.id === order.id)).toBe(true);
    expect(portalHeard.map((m) => m.event)).not.toContain('workOrder.noted');
    expect(portalHeard.map((m) => m.event)).not.toContain('workOrder.assigned');
    expect(portalSocket.messages.some((m) => m.type === 'notifications')).toBe(false);
    for (const s of [agentSocket, otherSocket, portalSocket]) s.close();
  });

  it('closes the socket when its session ends', async () => {
    const agent = await staff(server, { teams: [service] });
    const socket = await openSocket(server.url, agent);
    expect((await agent.post('/api/v1/auth/logout')).status).toBeLessThan(300);
    await createWorkOrder(admin, (await createCustomer(admin)).id, { teamId: service });
    expect(await socket.closed).toBe(4401);
    expect(socket.messages.filter((m) => m.type === 'workOrder')).toEqual([]);
  });
});
