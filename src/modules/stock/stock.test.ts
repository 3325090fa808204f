import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from '../../../test/harness.ts';
import { startServer } from '../../../test/harness.ts';
import { staff, unique } from '../../../test/factories.ts';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

describe('stock', () => {
  it('records every quantity change as a movement and never goes below zero', async () => {
    const manager = await staff(server, { role: 'manager' });
    const created = await manager.post('/api/v1/stock-items', { code: unique('S'), name: '电源模块', unit: '个', quantityOnHand: 5 });
    expect(created.status).toBe(201);
    expect(created.body.quantityOnHand).toBe(5);
    const id = created.body.id;

    const down = await manager.post(`/api/v1/stock-items/${id}/adjustments`, { delta: -2, note: '盘点损耗' });
    expect(down.body.quantityOnHand).toBe(3);
    const refused = await manager.post(`/api/v1/stock-items/${id}/adjustments`, { delta: -4, note: '盘点' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('STOCK_INSUFFICIENT');

    const moves = await admin.get(`/api/v1/stock-items/${id}/movements`);
    expect(moves.body.items.map((m: { delta: number; quantityAfter: number }) => [m.delta, m.quantityAfter])).toEqual([
      [-2, 3],
      [5, 5],
    ]);

    const tech = await staff(server, { role: 'technician' });
    expect((await tech.get('/api/v1/stock-items')).status).toBe(200);
    expect((await tech.post(`/api/v1/stock-items/${id}/adjustments`, { delta: 1, note: 'x' })).status).toBe(403);
    expect((await tech.post('/api/v1/stock-items', { code: unique('S'), name: 'x', unit: '个' })).status).toBe(403);
  });
});
