import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsset, createCustomer, createWorkOrder, customerUser, staff, teamId } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
let admin: Client;
let repairTeam: string;
let agent: Client & { id: string };
let quality: Client & { id: string };
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  repairTeam = await teamId(admin, 'repair');
  agent = await staff(server, { teams: [repairTeam] });
  quality = await staff(server, { role: 'quality', teams: [repairTeam] });
});
afterAll(() => server?.close());

const rma = (id: string, step = '') => `/api/v1/work-orders/${id}/rma${step}`;
const timeline = async (client: Client, id: string) =>
  (await client.get(`/api/v1/work-orders/${id}/timeline`)).body.items as Array<{ type: string; public: boolean; data: any }>;

/** A return order with an RMA form of one item (2 units) on an asset whose warranty ends on warrantyEnd. */
async function openRma(warrantyEnd: string | null, requestedAction = 'exchange') {
  const customer = await createCustomer(admin);
  const asset = await createAsset(admin, customer.id, { kind: 'product', serial: 'SN-001', warrantyEnd });
  const order = await createWorkOrder(admin, customer.id, { typeKey: 'return', teamId: repairTeam, assetId: asset.id });
  const res = await agent.post(rma(order.id), {
    requestedAction,
    items: [{ assetId: asset.id, product: '打印机 P-200', serial: 'SN-001', quantity: 2, faultDescription: '卡纸' }],
  });
  expect(res.status).toBe(201);
  return { customer, asset, order, form: res.body };
}

async function receiveAndInspect(orderId: string, itemId: string, counted = 2) {
  expect((await agent.post(rma(orderId, '/receipt'), { items: [{ itemId, receivedQuantity: counted }] })).status).toBe(200);
  const inspected = await quality.post(rma(orderId, '/inspection'), { items: [{ itemId, result: 'fault_confirmed', notes: '搓纸轮磨损' }], notes: '确认故障' });
  expect(inspected.status).toBe(200);
  return inspected.body;
}

describe('RMA steps', () => {
  it('runs receipt → inspection → decision → shipment → closure in order, refusing steps out of order', async () => {
    const { order, form } = await openRma('2099-12-31');
    expect(form).toMatchObject({ status: 'requested', nextSteps: ['receipt'], warranty: { inWarranty: true } });
    const itemId = form.items[0].id;
    expect((await agent.post(rma(order.id), { requestedAction: 'repair', items: [{ product: 'x', quantity: 1 }] })).status).toBe(409);

    const early = await quality.post(rma(order.id, '/inspection'), { items: [{ itemId, result: 'fault_confirmed' }] });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('RMA_STEP_OUT_OF_ORDER');
    expect((await agent.post(rma(order.id, '/shipment'), { carrier: '顺丰', trackingNo: 'SF1' })).status).toBe(409);
    expect((await agent.post(rma(order.id, '/close'), {})).status).toBe(409);
    expect((await agent.post(rma(order.id, '/receipt'), { items: [] })).status).toBe(400);

    const received = await agent.post(rma(order.id, '/receipt'), { items: [{ itemId, receivedQuantity: 1 }] });
    expect(received.body).toMatchObject({ status: 'received', quantityMismatch: true, items: [{ receivedQuantity: 1, quantityMismatch: true }] });
    expect((await agent.post(rma(order.id, '/receipt'), { items: [{ itemId, receivedQuantity: 2 }] })).status).toBe(409);

    const byAgent = await agent.post(rma(order.id, '/inspection'), { items: [{ itemId, result: 'fault_confirmed' }] });
    expect(byAgent.status).toBe(403);
    const inspected = await quality.post(rma(order.id, '/inspection'), { items: [{ itemId, result: 'fault_confirmed', notes: '搓纸轮磨损' }] });
    expect(inspected.body.status).toBe('inspected');

    const charged = await agent.post(rma(order.id, '/decision'), { decision: 'exchange', chargeCents: 500 });
    expect(charged.status).toBe(400);
    expect(charged.body.error.code).toBe('RMA_FREE_IN_WARRANTY');
    const decided = await agent.post(rma(order.id, '/decision'), { decision: 'exchange' });
    expect(decided.body.decision).toMatchObject({ decision: 'exchange', chargeable: false, chargeCents: 0 });
    expect(decided.body.nextSteps).toEqual(['shipment']);
    expect((await agent.post(rma(order.id, '/close'), {})).status).toBe(409);
    const shipped = await agent.post(rma(order.id, '/shipment'), { carrier: '顺丰', trackingNo: 'SF123456' });
    expect(shipped.body.shipment).toMatchObject({ carrier: '顺丰', trackingNo: 'SF123456' });
    const closed = await agent.post(rma(order.id, '/close'), { notes: '客户已签收' });
    expect(closed.body).toMatchObject({ status: 'closed', nextSteps: [] });

    const events = await timeline(admin, order.id);
    const rmaEvents = events.filter((e) => e.type.startsWith('rma.'));
    expect(rmaEvents.map((e) => [e.type, e.public])).toEqual([
      ['rma.created', true],
      ['rma.received', true],
      ['rma.inspected', false],
      ['rma.decided', true],
      ['rma.shipped', true],
      ['rma.closed', true],
    ]);
  });

  it('closes a return (refund) straight after the decision; nothing to ship', async () => {
    const { order, form } = await openRma('2099-12-31', 'return');
    await receiveAndInspect(order.id, form.items[0].id);
    await agent.post(rma(order.id, '/decision'), { decision: 'return' });
    expect((await agent.post(rma(order.id, '/shipment'), { carrier: 'x', trackingNo: 'y' })).status).toBe(409);
    expect((await agent.post(rma(order.id, '/close'), {})).body.status).toBe('closed');
  });
});

describe('RMA warranty', () => {
  it('charges out of warranty (amount required), and is free under a contract covering the day', async () => {
    const { order, form } = await openRma('2020-01-01', 'repair');
    expect(form.warranty.inWarranty).toBe(false);
    await receiveAndInspect(order.id, form.items[0].id);
    const noAmount = await agent.post(rma(order.id, '/decision'), { decision: 'repair' });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.error.code).toBe('RMA_CHARGE_REQUIRED');
    const decided = await agent.post(rma(order.id, '/decision'), { decision: 'repair', chargeCents: 12_000 });
    expect(decided.body.decision).toMatchObject({ chargeable: true, chargeCents: 12_000 });

    const other = await openRma('2020-01-01', 'repair');
    const contract = await admin.post(`/api/v1/customers/${other.customer.id}/contracts`, { number: 'HT-1', startsOn: '2020-01-01', endsOn: '2099-12-31' });
    expect(contract.status).toBe(201);
    const view = (await agent.get(rma(other.order.id))).body;
    expect(view.warranty.inWarranty).toBe(true);
    expect(view.items[0].warrantyBasis).toBe('contract');
  });

  it('lets only a supervisor override the warranty status, and only with a reason', async () => {
    const { order, form } = await openRma('2020-01-01', 'repair');
    await receiveAndInspect(order.id, form.items[0].id);
    const manager = await staff(server, { role: 'manager' });
    const byAgent = await agent.post(rma(order.id, '/decision'), { decision: 'repair', warrantyOverride: true, overrideReason: '老客户' });
    expect(byAgent.status).toBe(403);
    const noReason = await manager.post(rma(order.id, '/decision'), { decision: 'repair', warrantyOverride: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('RMA_OVERRIDE_REASON_REQUIRED');
    expect((await agent.get(rma(order.id))).body.status).toBe('inspected');
    const ok = await manager.post(rma(order.id, '/decision'), { decision: 'repair', warrantyOverride: true, overrideReason: '出厂批次缺陷，特批保内' });
    expect(ok.body).toMatchObject({ warranty: { inWarranty: true, computed: false, overrideReason: '出厂批次缺陷，特批保内' } });
    expect(ok.body.decision).toMatchObject({ chargeable: false, chargeCents: 0 });
    const overridden = (await timeline(admin, order.id)).find((e) => e.type === 'rma.warrantyOverridden');
    expect(overridden).toMatchObject({ public: false, data: { computed: false, inWarranty: true } });
  });
});

describe('RMA visibility', () => {
  it('shows the own customer a reduced view, refuses their writes, and hides the form from other organisations', async () => {
    const { customer, order, form } = await openRma('2099-12-31');
    await receiveAndInspect(order.id, form.items[0].id);
    const user = await customerUser(server, customer.id);
    const view = await user.get(rma(order.id));
    expect(view.status).toBe(200);
    expect(view.body.inspectionNotes).toBeUndefined();
    expect(view.body.items[0].inspectionNotes).toBeUndefined();
    expect(view.body.items[0].inspectionResult).toBe('fault_confirmed');
    expect((await user.post(rma(order.id, '/decision'), { decision: 'exchange' })).status).toBe(403);
    const types = (await timeline(user, order.id)).map((e) => e.type);
    expect(types).toContain('rma.received');
    expect(types).not.toContain('rma.inspected');

    const stranger = await customerUser(server, (await createCustomer(admin)).id);
    expect((await stranger.get(rma(order.id))).status).toBe(404);
    const outsider = await staff(server);
    expect((await outsider.get(rma(order.id))).status).toBe(404);
  });

  it('refuses an asset of another customer and writes nothing', async () => {
    const customer = await createCustomer(admin);
    const foreign = await createAsset(admin, (await createCustomer(admin)).id);
    const order = await createWorkOrder(admin, customer.id, { typeKey: 'return' });
    const res = await admin.post(rma(order.id), { requestedAction: 'return', items: [{ assetId: foreign.id, product: 'x', quantity: 1 }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RMA_ASSET_INVALID');
    expect((await admin.get(rma(order.id))).status).toBe(404);
  });
});
