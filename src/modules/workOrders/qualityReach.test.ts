/**
 * Quality's reach across teams: a quality user sees every complaint and return
 * order — in lists, search and single reads alike — and verifies or inspects
 * it, notes and attaches, but does not reply, edit, move or reassign another
 * team's order. Other types of another team stay invisible (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsset, createCustomer, createWorkOrder, customerUser, staff, teamId, unique } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
let admin: Client;
let serviceTeam: string;
let repairTeam: string;
let quality: Client & { id: string };
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  serviceTeam = await teamId(admin, 'service');
  repairTeam = await teamId(admin, 'repair');
  quality = await staff(server, { role: 'quality', teams: [await teamId(admin, 'quality')] });
});
afterAll(() => server?.close());

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);
const listed = async (client: Client, q: string) => ids((await client.get(`/api/v1/work-orders?q=${encodeURIComponent(q)}&pageSize=100`)).body.items);
const searched = async (client: Client, q: string) => ids((await client.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).body.workOrders);

describe('quality role across teams', () => {
  it('sees another team’s complaint everywhere and records the verification', async () => {
    const agent = await staff(server, { teams: [serviceTeam] });
    const word = unique('噪音投诉');
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey: 'complaint', subject: word, teamId: serviceTeam });
    const action = await agent.post(`/api/v1/work-orders/${order.id}/complaint/actions`, {
      kind: 'corrective',
      description: '更换减震垫',
      ownerId: agent.id,
      dueOn: '2030-01-31',
    });
    await agent.patch(`/api/v1/work-orders/${order.id}/complaint/actions/${action.body.id}`, { status: 'done' });

    expect(await listed(quality, word)).toEqual([order.id]);
    expect(await searched(quality, word)).toEqual([order.id]);
    const read = await quality.get(`/api/v1/work-orders/${order.id}`);
    expect(read.status).toBe(200);
    expect(read.body.abilities).toEqual({ reply: false, note: true, seeInternal: true, edit: false, transition: false, assign: false, attach: true });

    const verified = await quality.post(`/api/v1/work-orders/${order.id}/complaint/verification`, { effective: true, notes: '复查无噪音' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ verified: true, verification: { effective: true, verifiedBy: quality.id } });
    const note = await quality.post(`/api/v1/work-orders/${order.id}/replies`, { body: '已现场复核', internal: true });
    expect(note.status).toBe(201);

    // The handling team keeps the customer conversation and the order's course.
    const reply = await quality.post(`/api/v1/work-orders/${order.id}/replies`, { body: '您好', internal: false });
    expect(reply.status).toBe(403);
    expect((await quality.patch(`/api/v1/work-orders/${order.id}`, { priority: 'urgent' })).status).toBe(403);
    const addAction = await quality.post(`/api/v1/work-orders/${order.id}/complaint/actions`, { kind: 'preventive', description: 'x', ownerId: quality.id, dueOn: '2030-01-31' });
    expect(addAction.status).toBe(403);
    expect((await quality.get(`/api/v1/work-orders/${order.id}/complaint`)).body.abilities).toMatchObject({ verify: true, edit: false });
    const timeline = (await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items.map((e: { type: string }) => e.type);
    expect(timeline).not.toContain('workOrder.replied');
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.priority).toBe('normal');
  });

  it('inspects another team’s return', async () => {
    const agent = await staff(server, { teams: [repairTeam] });
    const customer = await createCustomer(admin);
    const asset = await createAsset(admin, customer.id, { kind: 'product', serial: 'SN-9' });
    const word = unique('退货');
    const order = await createWorkOrder(admin, customer.id, { typeKey: 'return', subject: word, teamId: repairTeam, assetId: asset.id });
    const form = await agent.post(`/api/v1/work-orders/${order.id}/rma`, {
      requestedAction: 'repair',
      items: [{ assetId: asset.id, product: '扫码枪', serial: 'SN-9', quantity: 1, faultDescription: '不出光' }],
    });
    const itemId = form.body.items[0].id;
    await agent.post(`/api/v1/work-orders/${order.id}/rma/receipt`, { items: [{ itemId, receivedQuantity: 1 }] });

    expect(await listed(quality, word)).toEqual([order.id]);
    const inspected = await quality.post(`/api/v1/work-orders/${order.id}/rma/inspection`, { items: [{ itemId, result: 'fault_confirmed' }] });
    expect(inspected.status).toBe(200);
    // The handling team decides and ships.
    expect(inspected.body.abilities).toMatchObject({ inspect: true, edit: false });
    const decided = await quality.post(`/api/v1/work-orders/${order.id}/rma/decision`, { decision: 'repair', reason: '质检确认' });
    expect(decided.status).toBe(403);
  });

  it('does not see an ordinary consultation of another team (404 everywhere)', async () => {
    const word = unique('开票咨询');
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey: 'consultation', subject: word, teamId: serviceTeam });

    const read = await quality.get(`/api/v1/work-orders/${order.id}`);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('WORK_ORDER_NOT_FOUND');
    expect(await listed(quality, word)).toEqual([]);
    expect(await searched(quality, word)).toEqual([]);
    expect((await quality.get(`/api/v1/work-orders/${order.id}/timeline`)).status).toBe(404);
    expect((await quality.post(`/api/v1/work-orders/${order.id}/replies`, { body: 'x', internal: true })).status).toBe(404);
  });

  it('does not make quality the first-contact owner of a customer’s complaint by noting it', async () => {
    const customer = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const opened = await portal.post('/api/v1/work-orders', { typeKey: 'complaint', subject: unique('投诉'), description: '维修后仍漏水' });
    expect(opened.status).toBe(201);
    expect((await quality.post(`/api/v1/work-orders/${opened.body.id}/replies`, { body: '质检跟进', internal: true })).status).toBe(201);
    const read = (await quality.get(`/api/v1/work-orders/${opened.body.id}`)).body;
    expect(read.firstContact).toBeNull();
    expect(read.abilities).toMatchObject({ reply: false, edit: false });
  });

  it('gives the reach to the quality role only: an agent of another team does not see the complaint', async () => {
    const word = unique('投诉');
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey: 'complaint', subject: word, teamId: serviceTeam });
    const outsider = await staff(server, { role: 'agent', teams: [repairTeam] });
    expect((await outsider.get(`/api/v1/work-orders/${order.id}`)).status).toBe(404);
    expect(await listed(outsider, word)).toEqual([]);
    // A quality member of the handling team keeps the team's full rights.
    const teamQuality = await staff(server, { role: 'quality', teams: [serviceTeam] });
    expect((await teamQuality.get(`/api/v1/work-orders/${order.id}`)).body.abilities).toMatchObject({ reply: true, edit: true, transition: true });
  });
});
