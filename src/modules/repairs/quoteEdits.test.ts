import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from '../../../test/harness.ts';
import { startServer } from '../../../test/harness.ts';
import { createPriceItem, createStockItem, customerUser, dispatchedRepair, staff } from '../../../test/factories.ts';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

const url = (orderId: string, rest = '') => `/api/v1/work-orders/${orderId}/repair${rest}`;

describe('editing the quote', () => {
  it('a line can be removed while the quote is proposed; once the customer accepted, removal is refused and the line stays', async () => {
    const { order, tech, teamId } = await dispatchedRepair(server, admin);
    const travel = await createPriceItem(admin, { priceCents: 5000, category: 'travel' });
    const first = (await tech.post(url(order.id, '/quote/lines'), { priceItemId: travel.id, quantity: 1 })).body;
    expect(first.abilities.editQuote).toBe(true);
    const custom = await tech.post(url(order.id, '/quote/lines'), {
      custom: { name: '非标支架加工', unit: '件', category: 'other', unitPriceCents: 12050 },
      quantity: 2,
    });
    expect(custom.body.quote).toMatchObject({ totalCents: 5000 + 24100, pendingApproval: true });
    const [travelLine, customLine] = custom.body.quote.lines;

    // Staff who are neither the technician nor a supervisor see no edit ability and are refused.
    const agent = await staff(server, { role: 'agent', teams: [teamId] });
    expect((await agent.get(url(order.id))).body.abilities.editQuote).toBe(false);
    const notAllowed = await agent.delete(url(order.id, `/quote/lines/${customLine.id}`));
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body.error.code).toBe('REPAIR_NOT_YOUR_VISIT');

    // A supervisor removes the custom line at the desk: nothing pending any more.
    const removed = await admin.delete(url(order.id, `/quote/lines/${customLine.id}`));
    expect(removed.status).toBe(200);
    expect(removed.body.quote).toMatchObject({ totalCents: 5000, pendingApproval: false, lines: [{ id: travelLine.id }] });
    expect((await admin.delete(url(order.id, `/quote/lines/${customLine.id}`))).body.error.code).toBe('REPAIR_QUOTE_LINE_NOT_FOUND');

    expect((await tech.post(url(order.id, '/quote/decision'), { decision: 'accept' })).body.quote.decision).toBe('accepted');
    const afterAccept = (await admin.get(url(order.id))).body;
    expect(afterAccept.abilities.editQuote).toBe(false);
    for (const who of [tech, admin]) {
      const refused = await who.delete(url(order.id, `/quote/lines/${travelLine.id}`));
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('REPAIR_QUOTE_DECIDED');
    }
    const view = (await admin.get(url(order.id))).body;
    expect(view.quote).toMatchObject({ decision: 'accepted', totalCents: 5000, lines: [{ id: travelLine.id }] });
    const timeline = (await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items as Array<{ type: string }>;
    expect(timeline.filter((e) => e.type === 'repair.quoteLineRemoved')).toHaveLength(1);
  });
});

describe('materials and their stock movements on the order', () => {
  it('lists what the order took from and put back into stock, by whom; the customer sees none of it', async () => {
    const { order, tech, customer } = await dispatchedRepair(server, admin);
    const item = await createStockItem(admin, 5, { name: '启动电容' });
    const used = (await tech.post(url(order.id, '/materials'), { stockItemId: item.id, quantity: 2 })).body;
    await tech.post(url(order.id, '/materials'), { stockItemId: item.id, quantity: 1, customerSupplied: true });
    await tech.delete(url(order.id, `/materials/${used.materials[0].id}`));
    await tech.post(url(order.id, '/materials'), { stockItemId: item.id, quantity: 3 });

    const view = (await admin.get(url(order.id))).body;
    expect(view.materials.map((m: { quantity: number; customerSupplied: boolean }) => [m.quantity, m.customerSupplied])).toEqual([
      [1, true],
      [3, false],
    ]);
    // Newest first; customer-supplied parts never touch stock; the opening stock of the item is not this order's.
    expect(
      view.stockMovements.map((m: { reason: string; delta: number; quantityAfter: number; actor: { id: string } }) => [m.reason, m.delta, m.quantityAfter, m.actor.id]),
    ).toEqual([
      ['material_used', -3, 2, tech.id],
      ['material_returned', 2, 5, tech.id],
      ['material_used', -2, 3, tech.id],
    ]);
    expect(view.stockMovements[0].stockItem).toMatchObject({ id: item.id, name: '启动电容' });

    const portal = await customerUser(server, customer.id);
    const theirs = (await portal.get(url(order.id))).body;
    expect(theirs.stockMovements).toEqual([]);
    expect(theirs.materials).toEqual([]);
    expect(theirs.abilities.editQuote).toBe(false);
  });
});
