import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, createCustomer, createWorkOrder, customerUser, staff, teamId } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';

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

const types = (items: Array<{ type: string }>) => items.map((e) => e.type);

describe('status transitions', () => {
  it('refuses a transition the workflow does not allow with 409 and changes nothing', async () => {
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id);
    const res = await admin.post(`/api/v1/work-orders/${order.id}/transitions`, { to: 'waiting_customer' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(res.body.error.details).toEqual({
      from: 'new',
      to: 'waiting_customer',
      allowed: ['assigned', 'in_progress', 'resolved', 'closed'],
    });
    const unknown = await admin.post(`/api/v1/work-orders/${order.id}/transitions`, { to: 'nonsense' });
    expect(unknown.status).toBe(409);
    const bad = await admin.post(`/api/v1/work-orders/${order.id}/transitions`, { to: 'closed', extra: 1 });
    expect(bad.status).toBe(400);
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.status.key).toBe('new');
    expect(types((await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items)).toEqual(['workOrder.created']);
  });

  it('follows the workflow, stamps resolution and closure, and clears them on reopen', async () => {
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id);
    const go = (to: string, comment?: string) =>
      admin.post(`/api/v1/work-orders/${order.id}/transitions`, comment ? { to, comment } : { to });
    expect((await go('in_progress')).body.statusCategory).toBe('open');
    const resolved = (await go('resolved', '已更换硒鼓')).body;
    expect(resolved).toMatchObject({ status: { key: 'resolved', category: 'resolved' } });
    expect(resolved.resolvedAt).not.toBeNull();
    const closed = (await go('closed')).body;
    expect(closed.closedAt).not.toBeNull();
    expect(closed.resolvedAt).toBe(resolved.resolvedAt);
    expect(closed.allowedTransitions.map((s: { key: string }) => s.key)).toEqual(['in_progress']);
    const reopened = (await go('in_progress')).body;
    expect(reopened).toMatchObject({ statusCategory: 'open', resolvedAt: null, closedAt: null });
    const timeline = (await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items;
    const changes = timeline.filter((e: { type: string }) => e.type === 'workOrder.statusChanged');
    expect(changes.map((e: { data: { to: string } }) => e.data.to)).toEqual(['in_progress', 'resolved', 'closed', 'in_progress']);
    expect(changes[1].data.comment).toBe('已更换硒鼓');
    expect(changes.every((e: { public: boolean }) => e.public)).toBe(true);
  });
});

describe('assignment and transfers', () => {
  it('assigns within the team, then transfers with a reason while the first-contact owner stays', async () => {
    const customer = await createCustomer(admin);
    const agent = await staff(server, { teams: [service] });
    const colleague = await staff(server, { teams: [service] });
    const tech = await staff(server, { role: 'technician', teams: [repair] });
    const order = await createWorkOrder(agent, customer.id);

    const assigned = await agent.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: colleague.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ assignee: { id: colleague.id }, status: { key: 'assigned' } });

    const noReason = await colleague.post(`/api/v1/work-orders/${order.id}/assign`, { teamId: repair, assigneeId: tech.id });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('TRANSFER_REASON_REQUIRED');
    const wrongTeam = await colleague.post(`/api/v1/work-orders/${order.id}/assign`, {
      teamId: repair,
      assigneeId: agent.id,
      reason: '需上门',
    });
    expect(wrongTeam.status).toBe(400);
    expect(wrongTeam.body.error.code).toBe('ASSIGNEE_NOT_IN_TEAM');
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.team.id).toBe(service);

    const moved = await colleague.post(`/api/v1/work-orders/${order.id}/assign`, {
      teamId: repair,
      assigneeId: tech.id,
      reason: '需要上门维修',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ team: { id: repair }, assignee: { id: tech.id }, firstContact: { id: agent.id } });

    const timeline = (await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items;
    expect(types(timeline)).toEqual(['workOrder.created', 'workOrder.assigned', 'workOrder.statusChanged', 'workOrder.transferred']);
    expect(timeline[3]).toMatchObject({
      public: false,
      actor: { id: colleague.id },
      data: {
        from: { teamId: service, assigneeId: colleague.id },
        to: { teamId: repair, assigneeId: tech.id },
        reason: '需要上门维修',
      },
    });
    // The first-contact owner still sees the order after it left their team.
    expect((await agent.get(`/api/v1/work-orders/${order.id}`)).status).toBe(200);
  });

  it('refuses assignment by staff outside the team and by customers', async () => {
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id);
    const tech = await staff(server, { role: 'technician', teams: [repair] });
    expect((await tech.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: tech.id })).status).toBe(404);
    const portal = await customerUser(server, customer.id);
    expect((await portal.post(`/api/v1/work-orders/${order.id}/assign`, { teamId: repair, reason: 'x' })).status).toBe(403);
    expect((await admin.post(`/api/v1/work-orders/${order.id}/assign`, {})).body.error.code).toBe('NOTHING_TO_ASSIGN');
  });

  it('hides a 客服中心 order from a 维修中心 agent until they are made collaborator', async () => {
    const customer = await createCustomer(admin);
    const agent = await staff(server, { teams: [service] });
    const tech = await staff(server, { role: 'technician', teams: [repair] });
    const order = await createWorkOrder(agent, customer.id);
    expect((await tech.get(`/api/v1/work-orders/${order.id}`)).status).toBe(404);
    expect((await tech.get(`/api/v1/work-orders?view=all`)).body.items.map((o: { id: string }) => o.id)).not.toContain(order.id);

    const portal = await customerUser(server, customer.id);
    expect((await portal.put(`/api/v1/work-orders/${order.id}/collaborators`, { userIds: [tech.id] })).status).toBe(403);
    const badUser = await agent.put(`/api/v1/work-orders/${order.id}/collaborators`, { userIds: [portal.id] });
    expect(badUser.status).toBe(400);
    const set = await agent.put(`/api/v1/work-orders/${order.id}/collaborators`, { userIds: [tech.id] });
    expect(set.status).toBe(200);
    expect(set.body.collaborators).toEqual([{ id: tech.id, displayName: expect.any(String) }]);
    expect((await tech.get(`/api/v1/work-orders/${order.id}`)).status).toBe(200);
    // Collaborating is not handling: the order stays in 客服中心's hands.
    expect((await tech.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: tech.id })).status).toBe(403);
    await agent.put(`/api/v1/work-orders/${order.id}/collaborators`, { userIds: [] });
    expect((await tech.get(`/api/v1/work-orders/${order.id}`)).status).toBe(404);
  });
});

describe('replies, notes and the timeline', () => {
  it('keeps internal notes out of the customer timeline and reopens a waiting order when the customer answers', async () => {
    const customer = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const agent = await staff(server, { teams: [service] });
    const order = await createWorkOrder(agent, customer.id);
    const note = await agent.post(`/api/v1/work-orders/${order.id}/replies`, { body: '客户脾气急，注意语气', internal: true });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ type: 'workOrder.noted', public: false, actor: { id: agent.id } });
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.firstRespondedAt).toBeNull();

    await agent.post(`/api/v1/work-orders/${order.id}/transitions`, { to: 'in_progress' });
    const reply = await agent.post(`/api/v1/work-orders/${order.id}/replies`, { body: '<b>请提供设备序列号</b>', internal: false });
    expect(reply.body).toMatchObject({ type: 'workOrder.replied', public: true, data: { body: '<b>请提供设备序列号</b>' } });
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.firstRespondedAt).not.toBeNull();
    await agent.post(`/api/v1/work-orders/${order.id}/transitions`, { to: 'waiting_customer' });

    const answer = await portal.post(`/api/v1/work-orders/${order.id}/replies`, { body: 'SN123456', internal: false });
    expect(answer.status).toBe(201);
    const after = (await agent.get(`/api/v1/work-orders/${order.id}`)).body;
    expect(after.status.key).toBe('in_progress');

    const customerView = (await portal.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items;
    expect(customerView.every((e: { public: boolean }) => e.public)).toBe(true);
    expect(JSON.stringify(customerView)).not.toContain('注意语气');
    expect(types(customerView)).toEqual([
      'workOrder.created',
      'workOrder.statusChanged',
      'workOrder.replied',
      'workOrder.statusChanged',
      'workOrder.replied',
      'workOrder.statusChanged',
    ]);
    expect(customerView[0].data.teamId).toBeUndefined();
    expect(customerView[5].data).toMatchObject({ from: 'waiting_customer', to: 'in_progress', reason: 'customerReplied' });
    const staffView = (await agent.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items;
    expect(types(staffView)).toContain('workOrder.noted');
  });

  it('refuses empty, oversized and wrongly typed replies', async () => {
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id);
    for (const body of [{ body: '', internal: false }, { body: 'x'.repeat(20_001), internal: false }, { body: 'hi', internal: 'no' }, { body: 'hi' }]) {
      const res = await admin.post(`/api/v1/work-orders/${order.id}/replies`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items).toHaveLength(1);
  });
});

describe('editing', () => {
  it('records field-level before/after and refuses bad input', async () => {
    const customer = await createCustomer(admin);
    const contact = await createContact(admin, customer.id);
    const agent = await staff(server, { teams: [service] });
    const order = await createWorkOrder(agent, customer.id, { subject: '旧标题' });
    const res = await agent.patch(`/api/v1/work-orders/${order.id}`, {
      subject: '新标题',
      priority: 'high',
      contactId: contact.id,
      tags: ['vip'],
      dueAt: '2030-01-01T08:00:00+08:00',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ subject: '新标题', priority: 'high', contact: { id: contact.id }, tags: ['vip'] });
    expect(res.body.dueAt).toBe('2030-01-01T00:00:00.000Z');
    const events = (await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items;
    const updated = events.find((e: { type: string }) => e.type === 'workOrder.updated');
    expect(updated.public).toBe(false);
    expect(updated.data.before).toMatchObject({ subject: '旧标题', priority: 'normal', contact_id: null });
    expect(updated.data.after).toMatchObject({ subject: '新标题', priority: 'high', contact_id: contact.id });

    for (const body of [{ status: 'closed' }, { teamId: service }, { tags: ['x'.repeat(31)] }, { priority: 'asap' }, { customerId: customer.id }]) {
      expect((await agent.patch(`/api/v1/work-orders/${order.id}`, body)).status).toBe(400);
    }
    const other = await createCustomer(admin);
    const foreign = await createContact(admin, other.id);
    expect((await agent.patch(`/api/v1/work-orders/${order.id}`, { contactId: foreign.id })).status).toBe(400);
    const after = (await admin.get(`/api/v1/work-orders/${order.id}`)).body;
    expect(after).toMatchObject({ subject: '新标题', status: { key: 'new' }, contact: { id: contact.id } });
  });
});
