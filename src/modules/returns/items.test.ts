import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsset, createCustomer, createWorkOrder, customerUser, staff, teamId } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
let admin: Client;
let repairTeam: string;
let agent: Client & { id: string };
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  repairTeam = await teamId(admin, 'repair');
  agent = await staff(server, { teams: [repairTeam] });
});
afterAll(() => server?.close());

const rma = (id: string, rest = '') => `/api/v1/work-orders/${id}/rma${rest}`;
type Item = { id: string; product: string; serial: string; quantity: number; faultDescription: string; assetId: string | null; inWarranty: boolean };

async function openRma() {
  const customer = await createCustomer(admin);
  const asset = await createAsset(admin, customer.id, { kind: 'product', serial: 'SN-001', warrantyEnd: '2099-12-31' });
  const order = await createWorkOrder(admin, customer.id, { typeKey: 'return', teamId: repairTeam, assetId: asset.id });
  const res = await agent.post(rma(order.id), {
    requestedAction: 'exchange',
    items: [{ assetId: asset.id, product: '打印机 P-200', serial: 'SN-001', quantity: 2, faultDescription: '卡纸' }],
  });
  expect(res.status).toBe(201);
  return { customer, asset, order, form: res.body };
}

describe('RMA items before receipt', () => {
  it('adds, changes and removes items, each on the timeline; warranty follows the items', async () => {
    const { order, form } = await openRma();
    expect(form.abilities.editItems).toBe(true);
    expect(form.warranty.inWarranty).toBe(true);

    // An item without an asset (and so without warranty) makes the form chargeable.
    const added = await agent.post(rma(order.id, '/items'), { product: '硒鼓', quantity: 3, faultDescription: '漏粉' });
    expect(added.status).toBe(201);
    expect(added.body.items.map((i: Item) => [i.product, i.quantity, i.serial])).toEqual([
      ['打印机 P-200', 2, 'SN-001'],
      ['硒鼓', 3, ''],
    ]);
    expect(added.body.warranty.inWarranty).toBe(false);
    const tonerId = added.body.items[1].id;

    const changed = await agent.patch(rma(order.id, `/items/${tonerId}`), { quantity: 1, serial: 'T-9' });
    expect(changed.status).toBe(200);
    expect(changed.body.items[1]).toMatchObject({ product: '硒鼓', quantity: 1, serial: 'T-9', faultDescription: '漏粉' });
    const unlinked = await agent.patch(rma(order.id, `/items/${form.items[0].id}`), { assetId: null });
    expect(unlinked.body.items[0]).toMatchObject({ assetId: null, inWarranty: false });

    const removed = await agent.delete(rma(order.id, `/items/${form.items[0].id}`));
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((i: Item) => i.product)).toEqual(['硒鼓']);
    const last = await agent.delete(rma(order.id, `/items/${tonerId}`));
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('RMA_LAST_ITEM');

    const events = (await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items as Array<{ type: string; public: boolean; data: any }>;
    expect(events.filter((e) => e.type.startsWith('rma.item')).map((e) => e.type)).toEqual(
      expect.arrayContaining(['rma.itemAdded', 'rma.itemChanged', 'rma.itemChanged', 'rma.itemRemoved']),
    );
    const change = events.find((e) => e.type === 'rma.itemChanged' && e.data.itemId === tonerId);
    expect(change).toMatchObject({ public: true, data: { changes: { quantity: { from: 3, to: 1 }, serial: { from: '', to: 'T-9' } } } });
  });

  it('refuses edits once the goods are received (409 RMA_ITEMS_LOCKED) and writes nothing', async () => {
    const { order, form } = await openRma();
    const itemId = form.items[0].id;
    const received = await agent.post(rma(order.id, '/receipt'), { items: [{ itemId, receivedQuantity: 2 }] });
    expect(received.body.abilities.editItems).toBe(false);

    const attempts = [
      await agent.post(rma(order.id, '/items'), { product: '硒鼓', quantity: 1 }),
      await agent.patch(rma(order.id, `/items/${itemId}`), { quantity: 5 }),
      await agent.delete(rma(order.id, `/items/${itemId}`)),
      await admin.patch(rma(order.id, `/items/${itemId}`), { product: '改名' }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'RMA_ITEMS_LOCKED', details: { status: 'received' } });
    }
    const after = (await agent.get(rma(order.id))).body;
    expect(after.items).toEqual([expect.objectContaining({ id: itemId, product: '打印机 P-200', quantity: 2, receivedQuantity: 2 })]);
    const events = (await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items as Array<{ type: string }>;
    expect(events.some((e) => e.type.startsWith('rma.item'))).toBe(false);
  });

  it('refuses customers, unknown items, foreign assets and empty changes', async () => {
    const { customer, order, form } = await openRma();
    const itemId = form.items[0].id;
    const user = await customerUser(server, customer.id);
    expect((await user.post(rma(order.id, '/items'), { product: 'x', quantity: 1 })).status).toBe(403);
    expect((await user.delete(rma(order.id, `/items/${itemId}`))).status).toBe(403);
    expect((await user.get(rma(order.id))).body.abilities.editItems).toBe(false);

    const unknown = await agent.patch(rma(order.id, '/items/00000000-0000-4000-8000-000000000000'), { quantity: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('RMA_ITEM_NOT_FOUND');

    const foreign = await createAsset(admin, (await createCustomer(admin)).id);
    const bad = await agent.post(rma(order.id, '/items'), { assetId: foreign.id, product: 'x', quantity: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('RMA_ASSET_INVALID');
    expect((await agent.patch(rma(order.id, `/items/${itemId}`), { assetId: foreign.id })).body.error.code).toBe('RMA_ASSET_INVALID');
    expect((await agent.patch(rma(order.id, `/items/${itemId}`), {})).status).toBe(400);
    expect((await agent.patch(rma(order.id, `/items/${itemId}`), { quantity: 0 })).status).toBe(400);

    // Another team's agent does not see the order at all.
    const outsider = await staff(server);
    expect((await outsider.post(rma(order.id, '/items'), { product: 'x', quantity: 1 })).status).toBe(404);
    expect((await agent.get(rma(order.id))).body.items).toHaveLength(1);
  });
});
