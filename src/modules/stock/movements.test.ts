import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from '../../../test/harness.ts';
import { startServer } from '../../../test/harness.ts';
import { createCustomer, customerUser, dispatchedRepair, staff, unique } from '../../../test/factories.ts';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

type Movement = {
  delta: number;
  quantityAfter: number;
  reason: string;
  note: string;
  workOrderId: string | null;
  workOrder: { id: string; number: string } | null;
  hiddenWorkOrder: boolean;
  actor: { id: string; name: string } | null;
};

describe('stock movements', () => {
  it('pages an item’s movements newest first: adjustments with reason, use on a work order, who', async () => {
    const manager = await staff(server, { role: 'manager' });
    const item = (await manager.post('/api/v1/stock-items', { code: unique('S'), name: '电源模块', unit: '个', quantityOnHand: 5 })).body;
    await manager.post(`/api/v1/stock-items/${item.id}/adjustments`, { delta: -1, note: '盘点损耗' });
    const { order, tech } = await dispatchedRepair(server, admin);
    expect((await tech.post(`/api/v1/work-orders/${order.id}/repair/materials`, { stockItemId: item.id, quantity: 2 })).status).toBe(200);

    const url = `/api/v1/stock-items/${item.id}/movements`;
    const first = await manager.get(`${url}?pageSize=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const [used, counted] = first.body.items as Movement[];
    expect(used).toMatchObject({
      reason: 'material_used',
      delta: -2,
      quantityAfter: 2,
      workOrderId: order.id,
      workOrder: { id: order.id, number: order.number },
      hiddenWorkOrder: false,
      actor: { id: tech.id },
    });
    expect(counted).toMatchObject({ reason: 'adjustment', delta: -1, quantityAfter: 4, note: '盘点损耗', workOrder: null, hiddenWorkOrder: false, actor: { id: manager.id } });
    const second = await manager.get(`${url}?pageSize=2&page=2`);
    expect((second.body.items as Movement[]).map((m) => [m.reason, m.delta, m.note])).toEqual([['adjustment', 5, 'opening stock']]);

    // Staff who may not see the order still see the movement, without the order.
    const outsider = await staff(server, { role: 'agent' });
    const theirs = (await outsider.get(url)).body.items as Movement[];
    expect(theirs[0]).toMatchObject({ reason: 'material_used', delta: -2, workOrderId: null, workOrder: null, hiddenWorkOrder: true });
    expect(JSON.stringify(theirs)).not.toContain(order.number);
  });

  it('refuses customers (403), unknown items (404) and oversized pages (400)', async () => {
    const item = (await admin.post('/api/v1/stock-items', { code: unique('S'), name: '保险丝', unit: '只', quantityOnHand: 1 })).body;
    const customer = await customerUser(server, (await createCustomer(admin)).id);
    expect((await customer.get(`/api/v1/stock-items/${item.id}/movements`)).status).toBe(403);
    expect((await customer.get('/api/v1/stock-items')).status).toBe(403);
    const missing = await admin.get('/api/v1/stock-items/00000000-0000-4000-8000-000000000000/movements');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('STOCK_ITEM_NOT_FOUND');
    expect((await admin.get(`/api/v1/stock-items/${item.id}/movements?pageSize=500`)).status).toBe(400);
  });

  it('tells the UI who may view and who may manage the stock, as the server decides', async () => {
    const cases: Array<[string, boolean, boolean]> = [
      ['manager', true, true],
      ['agent', true, false],
      ['technician', true, false],
      ['quality', true, false],
    ];
    for (const [role, viewStock, manageStock] of cases) {
      const user = await staff(server, { role: role as never });
      expect((await user.get('/api/v1/auth/me')).body.abilities).toMatchObject({ viewStock, manageStock });
      const created = await user.post('/api/v1/stock-items', { code: unique('S'), name: 'x', unit: '个' });
      expect(created.status).toBe(manageStock ? 201 : 403);
    }
    expect((await admin.get('/api/v1/auth/me')).body.abilities).toMatchObject({ viewStock: true, manageStock: true });
    const customer = await customerUser(server, (await createCustomer(admin)).id);
    expect((await customer.get('/api/v1/auth/me')).body.abilities).toMatchObject({ viewStock: false, manageStock: false });
  });
});
