import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsset, createCustomer, createWorkOrder, customerUser, staff, teamId } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
let admin: Client;
let service: string;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  service = await teamId(admin, 'service');
});
afterAll(() => server?.close());

const complaint = (client: Client, customerId: string, overrides: Record<string, unknown> = {}) =>
  createWorkOrder(client, customerId, { typeKey: 'complaint', subject: '服务态度投诉', description: '工程师迟到两小时', ...overrides });
const url = (id: string, rest = '') => `/api/v1/work-orders/${id}/complaint${rest}`;
const timelineTypes = async (client: Client, id: string) =>
  ((await client.get(`/api/v1/work-orders/${id}/timeline`)).body.items as Array<{ type: string }>).map((e) => e.type);
const addAction = (client: Client, id: string, ownerId: string, kind = 'corrective') =>
  client.post(url(id, '/actions'), { kind, description: '培训工程师守时', ownerId, dueOn: '2030-01-31' });

describe('complaint record and first reply', () => {
  it('opens with the register fields from the order and a first-reply deadline 24 h after receipt', async () => {
    const customer = await createCustomer(admin);
    const order = await complaint(admin, customer.id);
    const res = await admin.get(url(order.id));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ number: order.number, receivedVia: 'phone', content: '工程师迟到两小时', verified: false, repeat: false });
    const due = new Date(res.body.firstReply.dueAt).getTime() - new Date(res.body.receivedAt).getTime();
    expect(due).toBe(24 * 3600_000);
    expect(res.body.firstReply.state).toBe('due');
    expect(res.body.firstReply.seconds).toBeGreaterThan(23 * 3600);

    const reply = await admin.post(`/api/v1/work-orders/${order.id}/replies`, { body: '已收到您的投诉，正在核实', internal: false });
    expect(reply.status).toBe(201);
    const met = (await admin.get(url(order.id))).body.firstReply;
    expect(met.state).toBe('met');
    expect(met.repliedAt).not.toBeNull();
    expect(await timelineTypes(admin, order.id)).toContain('complaint.opened');
  });

  it('shows an unanswered complaint received two days ago as overdue, and refuses a non-complaint order', async () => {
    const customer = await createCustomer(admin);
    const order = await complaint(admin, customer.id);
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000).toISOString();
    const res = await admin.patch(url(order.id), { receivedAt: twoDaysAgo, receivedVia: 'letter', complainantName: '王经理', complainantContact: '13800000000' });
    expect(res.status).toBe(200);
    expect(res.body.firstReply.state).toBe('overdue');
    expect(res.body.firstReply.seconds).toBeGreaterThanOrEqual(24 * 3600 - 5);
    expect(res.body).toMatchObject({ receivedVia: 'letter', complainantName: '王经理' });
    expect(await timelineTypes(admin, order.id)).toContain('complaint.updated');
    expect((await admin.patch(url(order.id), { unknown: 1 })).status).toBe(400);

    const other = await createWorkOrder(admin, customer.id);
    const notComplaint = await admin.get(url(other.id));
    expect(notComplaint.status).toBe(404);
    expect(notComplaint.body.error.code).toBe('COMPLAINT_NOT_FOUND');
  });

  it('takes the first-reply hours from the admin setting when no SLA policy sets a complaint-reply target', async () => {
    const agent = await staff(server, { teams: [service] });
    expect((await agent.get('/api/v1/config/complaints')).body).toEqual({ firstReplyHours: 24, repeatWindowMonths: 12 });
    expect((await agent.put('/api/v1/config/complaints', { firstReplyHours: 4, repeatWindowMonths: 12 })).status).toBe(403);
    expect((await admin.put('/api/v1/config/complaints', { firstReplyHours: 4, repeatWindowMonths: 12 })).status).toBe(200);
    // The seeded complaint SLA policy would set the deadline; archive it for this test.
    const policies = (await admin.get('/api/v1/sla/policies')).body.items as Array<{ id: string; match: { typeKeys: string[] } }>;
    const complaintPolicy = policies.find((p) => p.match.typeKeys.includes('complaint'))!;
    await admin.patch(`/api/v1/sla/policies/${complaintPolicy.id}`, { active: false });
    try {
      const order = await complaint(admin, (await createCustomer(admin)).id);
      const view = (await admin.get(url(order.id))).body;
      expect(new Date(view.firstReply.dueAt).getTime() - new Date(view.receivedAt).getTime()).toBe(4 * 3600_000);
    } finally {
      await admin.put('/api/v1/config/complaints', { firstReplyHours: 24, repeatWindowMonths: 12 });
      await admin.patch(`/api/v1/sla/policies/${complaintPolicy.id}`, { active: true });
    }
  });
});

describe('responsibility, actions and verification', () => {
  it('refuses "not at fault" without an explanation and writes nothing', async () => {
    const order = await complaint(admin, (await createCustomer(admin)).id);
    const res = await admin.put(url(order.id, '/responsibility'), { companyAtFault: false });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('COMPLAINT_EXPLANATION_REQUIRED');
    expect((await admin.get(url(order.id))).body.responsibility).toBeNull();
    const ok = await admin.put(url(order.id, '/responsibility'), { companyAtFault: false, explanation: '系客户自行拆机所致' });
    expect(ok.body.responsibility).toEqual({ companyAtFault: false, explanation: '系客户自行拆机所致' });
    expect(await timelineTypes(admin, order.id)).toContain('complaint.responsibilityDecided');
  });

  it('lets the action owner move the status, a supervisor change the rest, and no one else', async () => {
    const order = await complaint(admin, (await createCustomer(admin)).id, { teamId: service });
    const owner = await staff(server, { teams: [service] });
    const bystander = await staff(server, { teams: [service] });
    const manager = await staff(server, { role: 'manager' });
    const added = await addAction(bystander, order.id, owner.id);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'corrective', status: 'open', owner: { id: owner.id } });
    const actionUrl = url(order.id, `/actions/${added.body.id}`);
    expect((await owner.patch(actionUrl, { status: 'in_progress' })).body.status).toBe('in_progress');
    expect((await bystander.patch(actionUrl, { status: 'done' })).status).toBe(403);
    expect((await owner.patch(actionUrl, { dueOn: '2031-01-01' })).status).toBe(403);
    expect((await manager.patch(actionUrl, { dueOn: '2031-01-01' })).body.dueOn).toBe('2031-01-01');
    const badOwner = await addAction(admin, order.id, (await customerUser(server, order.customerId)).id);
    expect(badOwner.status).toBe(400);
    const view = (await admin.get(url(order.id))).body;
    expect(view.actions.map((a: { status: string }) => a.status)).toEqual(['in_progress']);
  });

  it('lets only quality verify, reopens actions when not effective, and closes only after effective verification', async () => {
    const order = await complaint(admin, (await createCustomer(admin)).id, { teamId: service });
    const agent = await staff(server, { teams: [service] });
    const quality = await staff(server, { role: 'quality', teams: [service] });
    const action = (await addAction(agent, order.id, agent.id)).body;
    await addAction(agent, order.id, agent.id, 'preventive');
    const actions = (await agent.get(url(order.id))).body.actions as Array<{ id: string }>;

    const byAgent = await agent.post(url(order.id, '/verification'), { effective: true });
    expect(byAgent.status).toBe(403);
    const early = await quality.post(url(order.id, '/verification'), { effective: true });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('COMPLAINT_ACTIONS_OPEN');

    await agent.patch(url(order.id, `/actions/${actions[0]!.id}`), { status: 'done' });
    await agent.patch(url(order.id, `/actions/${actions[1]!.id}`), { status: 'cancelled' });
    expect(action.id).toBe(actions[0]!.id);

    const close = () => agent.post(`/api/v1/work-orders/${order.id}/transitions`, { to: 'closed' });
    const refused = await close();
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('COMPLAINT_VERIFICATION_REQUIRED');
    const overridden = await admin.post(`/api/v1/work-orders/${order.id}/transitions`, { to: 'closed', overrideReason: '领导同意' });
    expect(overridden.status).toBe(409);

    const notEffective = await quality.post(url(order.id, '/verification'), { effective: false, notes: '同类问题仍在发生' });
    expect(notEffective.status).toBe(200);
    expect(notEffective.body.verified).toBe(false);
    expect(notEffective.body.actions.map((a: { status: string }) => a.status)).toEqual(['open', 'cancelled']);
    expect((await close()).status).toBe(409);

    await agent.patch(url(order.id, `/actions/${actions[0]!.id}`), { status: 'done' });
    const effective = await quality.post(url(order.id, '/verification'), { effective: true, notes: '复查三个月无复发' });
    expect(effective.body).toMatchObject({ verified: true, verification: { effective: true, verifiedBy: quality.id } });
    // New work after the verification needs a new one before closing.
    const later = await addAction(agent, order.id, agent.id, 'preventive');
    expect((await agent.get(url(order.id))).body.verified).toBe(false);
    expect((await close()).status).toBe(409);
    await agent.patch(url(order.id, `/actions/${later.body.id}`), { status: 'done' });
    expect((await quality.post(url(order.id, '/verification'), { effective: true })).body.verified).toBe(true);
    expect((await close()).status).toBe(200);
    expect(await timelineTypes(admin, order.id)).toEqual(expect.arrayContaining(['complaint.verified', 'complaint.actionAdded', 'complaint.actionUpdated']));
  });
});

describe('repeat complaints', () => {
  it('flags a second complaint on the same asset within the window, with the earlier number and an internal event', async () => {
    const customer = await createCustomer(admin);
    const asset = await createAsset(admin, customer.id);
    const other = await createAsset(admin, customer.id);
    const first = await complaint(admin, customer.id, { assetId: asset.id });
    expect((await admin.get(url(first.id))).body.repeat).toBe(false);
    const second = await complaint(admin, customer.id, { assetId: asset.id });
    const view = (await admin.get(url(second.id))).body;
    expect(view.repeat).toBe(true);
    expect(view.earlierComplaints.map((e: { number: string }) => e.number)).toEqual([first.number]);
    const timeline = (await admin.get(`/api/v1/work-orders/${second.id}/timeline`)).body.items;
    const flagged = timeline.find((e: { type: string }) => e.type === 'complaint.repeatFlagged');
    expect(flagged).toMatchObject({ public: false, data: { earlierNumbers: [first.number] } });
    const elsewhere = await complaint(admin, customer.id, { assetId: other.id });
    expect((await admin.get(url(elsewhere.id))).body.repeat).toBe(false);
  });
});

describe('the customer side', () => {
  it('shows the customer a reduced view, the final reply, and takes their satisfaction; other organisations get 404', async () => {
    const customer = await createCustomer(admin);
    const order = await complaint(admin, customer.id);
    await admin.post(url(order.id, '/actions'), { kind: 'corrective', description: '内部整改', ownerId: (await staff(server)).id, dueOn: '2030-01-01' });
    const final = await admin.post(url(order.id, '/final-reply'), { body: '经核实，已对相关人员进行培训。' });
    expect(final.status).toBe(200);
    expect(final.body.finalReply.body).toBe('经核实，已对相关人员进行培训。');

    const user = await customerUser(server, customer.id);
    const view = await user.get(url(order.id));
    expect(view.status).toBe(200);
    expect(view.body.actions).toBeUndefined();
    expect(view.body.rootCause).toBeUndefined();
    expect(view.body.finalReply.body).toBe('经核实，已对相关人员进行培训。');
    expect(view.body.abilities).toMatchObject({ edit: false, rate: true, verify: false });
    const types = await timelineTypes(user, order.id);
    expect(types).toContain('workOrder.replied');
    expect(types).not.toContain('complaint.actionAdded');

    expect((await user.patch(url(order.id), { rootCause: 'x' })).status).toBe(403);
    expect((await user.put(url(order.id, '/satisfaction'), { score: 6 })).status).toBe(400);
    const rated = await user.put(url(order.id, '/satisfaction'), { score: 4, comment: '处理及时' });
    expect(rated.body.satisfaction).toEqual({ score: 4, comment: '处理及时' });

    const stranger = await customerUser(server, (await createCustomer(admin)).id);
    const hidden = await stranger.get(url(order.id));
    expect(hidden.status).toBe(404);
    expect((await stranger.put(url(order.id, '/satisfaction'), { score: 1 })).status).toBe(404);
    const outsider = await staff(server, { teams: [] });
    expect((await outsider.get(url(order.id))).status).toBe(404);
  });
});
