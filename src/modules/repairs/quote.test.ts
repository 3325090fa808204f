import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from '../../../test/harness.ts';
import { startServer } from '../../../test/harness.ts';
import { createPriceItem, createStockItem, customerUser, dispatchedRepair, shanghaiDay, staff, unique } from '../../../test/factories.ts';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

const url = (orderId: string, rest = '') => `/api/v1/work-orders/${orderId}/repair${rest}`;

describe('quote', () => {
  it('snapshots price list lines and sums exact cents (0.10 + 0.20 is 0.30, not 0.30000000000000004)', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    const dime = await createPriceItem(admin, { priceCents: 10, category: 'travel' });
    const twenty = await createPriceItem(admin, { priceCents: 20, category: 'other' });
    const big = await createPriceItem(admin, { priceCents: 9_999_999_999, category: 'parts' });
    await tech.post(url(order.id, '/quote/lines'), { priceItemId: dime.id, quantity: 1 });
    let view = (await tech.post(url(order.id, '/quote/lines'), { priceItemId: twenty.id, quantity: 1 })).body;
    expect(view.quote).toMatchObject({ totalCents: 30, chargedCents: 30 });
    view = (await tech.post(url(order.id, '/quote/lines'), { priceItemId: big.id, quantity: 333 })).body;
    expect(view.quote.totalCents).toBe(30 + 9_999_999_999 * 333);
    expect(view.quote.lines[2]).toMatchObject({ code: big.code, unitPriceCents: 9_999_999_999, quantity: 333, amountCents: 3_329_999_999_667 });

    // Later price changes do not touch the snapshot.
    await admin.patch(`/api/v1/price-items/${dime.id}`, { priceCents: 99 });
    expect((await tech.get(url(order.id))).body.quote.lines[0].unitPriceCents).toBe(10);
    expect((await tech.post(url(order.id, '/quote/lines'), { priceItemId: dime.id, quantity: 1.5 })).status).toBe(400);
  });

  it('a custom line needs a supervisor’s approval before the quote can be accepted', async () => {
    const { order, tech, customer } = await dispatchedRepair(server, admin);
    const custom = await tech.post(url(order.id, '/quote/lines'), {
      custom: { name: '非标支架加工', unit: '件', category: 'other', unitPriceCents: 4550 },
      quantity: 2,
    });
    expect(custom.body.quote).toMatchObject({ pendingApproval: true, totalCents: 9100 });
    const lineId = custom.body.quote.lines[0].id;

    const refused = await tech.post(url(order.id, '/quote/decision'), { decision: 'accept' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('REPAIR_QUOTE_PENDING_APPROVAL');
    expect((await tech.post(url(order.id, `/quote/lines/${lineId}/approve`))).body.error.code).toBe('REPAIR_SUPERVISOR_ONLY');

    const approved = await admin.post(url(order.id, `/quote/lines/${lineId}/approve`));
    expect(approved.body.quote.lines[0].approval).toBe('approved');

    // The customer accepts in the portal; an accepted quote is frozen.
    const portal = await customerUser(server, customer.id);
    const accepted = await portal.post(url(order.id, '/quote/decision'), { decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.quote.decision).toBe('accepted');
    const frozen = await tech.post(url(order.id, '/quote/lines'), { custom: { name: 'x', unit: '次', category: 'other', unitPriceCents: 1 }, quantity: 1 });
    expect(frozen.body.error.code).toBe('REPAIR_QUOTE_DECIDED');
    const timeline = (await portal.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items;
    expect(timeline.find((e: { type: string }) => e.type === 'repair.quoteAccepted').data).toMatchObject({ chargedCents: 9100 });
  });

  it('the technician records a refusal on site; changing the quote asks again', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    const item = await createPriceItem(admin, { priceCents: 5000, category: 'travel' });
    expect((await tech.post(url(order.id, '/quote/decision'), { decision: 'accept' })).body.error.code).toBe('REPAIR_QUOTE_EMPTY');
    await tech.post(url(order.id, '/quote/lines'), { priceItemId: item.id, quantity: 1 });
    expect((await tech.post(url(order.id, '/quote/decision'), { decision: 'refuse' })).body.quote.decision).toBe('refused');
    const line = (await tech.get(url(order.id))).body.quote.lines[0];
    const removed = await tech.delete(url(order.id, `/quote/lines/${line.id}`));
    expect(removed.body.quote).toMatchObject({ decision: null, lines: [], totalCents: 0 });
  });
});

describe('warranty', () => {
  it('in warranty makes labour and parts free; out of warranty charges them; travel is always charged', async () => {
    const labour = await createPriceItem(admin, { priceCents: 20000, category: 'labour' });
    const parts = await createPriceItem(admin, { priceCents: 35050, category: 'parts' });
    const travel = await createPriceItem(admin, { priceCents: 5000, category: 'travel' });
    const quote = async (warrantyEnd: string) => {
      const { order, tech } = await dispatchedRepair(server, admin, { warrantyEnd });
      for (const item of [labour, parts, travel]) await tech.post(url(order.id, '/quote/lines'), { priceItemId: item.id, quantity: 1 });
      return { order, tech, view: (await tech.get(url(order.id))).body };
    };
    const inside = await quote(shanghaiDay(0));
    expect(inside.view.warranty).toMatchObject({ inWarranty: true, computed: true, serviceDay: shanghaiDay(0), assetWarrantyEnd: shanghaiDay(0) });
    expect(inside.view.quote).toMatchObject({ totalCents: 60050, chargedCents: 5000 });
    expect(inside.view.quote.lines.map((l: { free: boolean }) => l.free)).toEqual([true, true, false]);

    const outside = await quote(shanghaiDay(-1));
    expect(outside.view.warranty).toMatchObject({ inWarranty: false, computed: false });
    expect(outside.view.quote).toMatchObject({ totalCents: 60050, chargedCents: 60050 });

    // An override needs a supervisor and a reason.
    expect((await outside.tech.put(url(outside.order.id, '/warranty'), { inWarranty: true, reason: '客户关系' })).status).toBe(403);
    expect((await admin.put(url(outside.order.id, '/warranty'), { inWarranty: true })).status).toBe(400);
    const overridden = await admin.put(url(outside.order.id, '/warranty'), { inWarranty: true, reason: '过保一天，特批免费' });
    expect(overridden.body.warranty).toMatchObject({ inWarranty: true, computed: false, override: { inWarranty: true, reason: '过保一天，特批免费' } });
    expect(overridden.body.quote.chargedCents).toBe(5000);
  });

  it('an active contract covering the service day puts the order in warranty', async () => {
    const { order, customer } = await dispatchedRepair(server, admin, { warrantyEnd: '2020-01-01' });
    expect((await admin.get(url(order.id))).body.warranty.inWarranty).toBe(false);
    const contract = await admin.post(`/api/v1/customers/${customer.id}/contracts`, {
      number: unique('HT'),
      startsOn: shanghaiDay(-30),
      endsOn: shanghaiDay(30),
    });
    expect(contract.status).toBe(201);
    const view = (await admin.get(url(order.id))).body;
    expect(view.warranty).toMatchObject({ inWarranty: true, coveringContract: { id: contract.body.id } });
  });
});

describe('materials', () => {
  it('using stock decrements it with a movement; returning puts it back; never below zero', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    const item = await createStockItem(admin, 3);
    const used = await tech.post(url(order.id, '/materials'), { stockItemId: item.id, quantity: 2 });
    expect(used.status).toBe(200);
    expect(used.body.materials[0]).toMatchObject({ quantity: 2, customerSupplied: false, stockItem: { id: item.id } });
    const onHand = async () => (await admin.get('/api/v1/stock-items')).body.items.find((i: { id: string }) => i.id === item.id).quantityOnHand;
    expect(await onHand()).toBe(1);

    const short = await tech.post(url(order.id, '/materials'), { stockItemId: item.id, quantity: 2 });
    expect(short.status).toBe(409);
    expect(short.body.error.code).toBe('STOCK_INSUFFICIENT');
    expect(await onHand()).toBe(1);
    expect((await tech.get(url(order.id))).body.materials).toHaveLength(1);

    const supplied = await tech.post(url(order.id, '/materials'), { stockItemId: item.id, quantity: 5, customerSupplied: true });
    expect(supplied.body.materials[1]).toMatchObject({ quantity: 5, customerSupplied: true });
    expect(await onHand()).toBe(1);

    const returned = await tech.delete(url(order.id, `/materials/${used.body.materials[0].id}`));
    expect(returned.body.materials).toHaveLength(1);
    expect(await onHand()).toBe(3);
    const moves = (await admin.get(`/api/v1/stock-items/${item.id}/movements`)).body.items;
    expect(moves.map((m: { reason: string; delta: number; workOrderId: string | null }) => [m.reason, m.delta, m.workOrderId])).toEqual([
      ['material_returned', 2, order.id],
      ['material_used', -2, order.id],
      ['adjustment', 3, null],
    ]);
  });

  it('another technician may not use materials on the order', async () => {
    const { order, teamId } = await dispatchedRepair(server, admin);
    const item = await createStockItem(admin, 3);
    const other = await staff(server, { role: 'technician', teams: [teamId] });
    expect((await other.post(url(order.id, '/materials'), { stockItemId: item.id, quantity: 1 })).status).toBe(403);
  });
});
