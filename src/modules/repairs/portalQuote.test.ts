/**
 * The repair quote in the customer portal: the customer of the order sees the
 * lines with warranty free/chargeable and the total, and accepts or refuses a
 * proposed quote once; another organisation's user gets 404 and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createPriceItem, customerUser, dispatchedRepair, shanghaiDay } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

const url = (orderId: string, rest = '') => `/api/v1/work-orders/${orderId}/repair${rest}`;

async function decisionRow(orderId: string) {
  return server.database.db
    .selectFrom('repair_orders')
    .select(['quote_decision', 'quote_decided_by'])
    .where('work_order_id', '=', orderId)
    .executeTakeFirstOrThrow();
}

describe('the quote in the portal', () => {
  it('shows the customer the lines, free under warranty or charged, and the total; no materials', async () => {
    const { order, tech, customer } = await dispatchedRepair(server, admin, { warrantyEnd: shanghaiDay(30) });
    const labour = await createPriceItem(admin, { priceCents: 12000, category: 'labour' });
    const travel = await createPriceItem(admin, { priceCents: 3050, category: 'travel' });
    await tech.post(url(order.id, '/quote/lines'), { priceItemId: labour.id, quantity: 2 });
    await tech.post(url(order.id, '/quote/lines'), { priceItemId: travel.id, quantity: 1 });

    const portal = await customerUser(server, customer.id);
    const view = await portal.get(url(order.id));
    expect(view.status).toBe(200);
    expect(view.body.warranty.inWarranty).toBe(true);
    expect(view.body.quote).toMatchObject({ totalCents: 27050, chargedCents: 3050, decision: null, pendingApproval: false });
    expect(view.body.quote.lines.map((l: { name: string; free: boolean; amountCents: number; chargedCents: number }) => [l.name, l.free, l.amountCents, l.chargedCents])).toEqual([
      [labour.name, true, 24000, 0],
      [travel.name, false, 3050, 3050],
    ]);
    expect(view.body.materials).toEqual([]);
    expect(view.body.dispatcher).toBeNull();
    expect(view.body.abilities).toMatchObject({ decideQuote: true, dispatch: false, supervise: false, actOnVisit: false });
  });

  it('lets the customer refuse once; a changed quote is proposed again and accepted', async () => {
    const { order, tech, customer } = await dispatchedRepair(server, admin, { warrantyEnd: '2020-01-01' });
    const parts = await createPriceItem(admin, { priceCents: 8800, category: 'parts' });
    await tech.post(url(order.id, '/quote/lines'), { priceItemId: parts.id, quantity: 1 });
    const portal = await customerUser(server, customer.id);

    const refused = await portal.post(url(order.id, '/quote/decision'), { decision: 'refuse' });
    expect(refused.status).toBe(200);
    expect(refused.body.quote.decision).toBe('refused');
    expect(refused.body.abilities.decideQuote).toBe(false);
    // Answered: the customer cannot flip it from the portal.
    const again = await portal.post(url(order.id, '/quote/decision'), { decision: 'accept' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REPAIR_QUOTE_ALREADY_ANSWERED');
    expect((await decisionRow(order.id)).quote_decision).toBe('refused');

    // The technician lowers the quote; the customer is asked again.
    const line = refused.body.quote.lines[0];
    await tech.delete(url(order.id, `/quote/lines/${line.id}`));
    const cheaper = await createPriceItem(admin, { priceCents: 5000, category: 'parts' });
    await tech.post(url(order.id, '/quote/lines'), { priceItemId: cheaper.id, quantity: 1 });
    expect((await portal.get(url(order.id))).body.abilities.decideQuote).toBe(true);
    const accepted = await portal.post(url(order.id, '/quote/decision'), { decision: 'accept' });
    expect(accepted.body.quote).toMatchObject({ decision: 'accepted', chargedCents: 5000 });
    expect((await decisionRow(order.id)).quote_decided_by).toBe(portal.id);
    expect((await portal.post(url(order.id, '/quote/decision'), { decision: 'refuse' })).body.error.code).toBe('REPAIR_QUOTE_ALREADY_ANSWERED');

    const timeline = (await portal.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['repair.quoteRefused', 'repair.quoteAccepted']));
  });

  it('does not let the customer decide while a custom line waits for approval', async () => {
    const { order, tech, customer } = await dispatchedRepair(server, admin);
    await tech.post(url(order.id, '/quote/lines'), { custom: { name: '非标加工', unit: '件', category: 'other', unitPriceCents: 1000 }, quantity: 1 });
    const portal = await customerUser(server, customer.id);
    expect((await portal.get(url(order.id))).body.abilities.decideQuote).toBe(false);
    const refused = await portal.post(url(order.id, '/quote/decision'), { decision: 'refuse' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('REPAIR_QUOTE_PENDING_APPROVAL');
    expect((await decisionRow(order.id)).quote_decision).toBeNull();
  });

  it('answers 404 to another organisation’s user and writes nothing', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    const item = await createPriceItem(admin, { priceCents: 100, category: 'travel' });
    await tech.post(url(order.id, '/quote/lines'), { priceItemId: item.id, quantity: 1 });
    const stranger = await customerUser(server, (await createCustomer(admin)).id);

    const read = await stranger.get(url(order.id));
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('WORK_ORDER_NOT_FOUND');
    const decided = await stranger.post(url(order.id, '/quote/decision'), { decision: 'accept' });
    expect(decided.status).toBe(404);
    expect(decided.body.error.code).toBe('WORK_ORDER_NOT_FOUND');
    expect((await decisionRow(order.id)).quote_decision).toBeNull();
  });
});
