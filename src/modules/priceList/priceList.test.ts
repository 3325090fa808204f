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

describe('price list', () => {
  it('admin creates, edits and archives items; staff read; others may not edit', async () => {
    const code = unique('P');
    const created = await admin.post('/api/v1/price-items', { code, name: '上门检测费', unit: '次', priceCents: 8000, category: 'labour' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code, priceCents: 8000, category: 'labour', archived: false });

    expect((await admin.post('/api/v1/price-items', { code, name: 'x', unit: '次', priceCents: 1, category: 'other' })).status).toBe(409);
    expect((await admin.post('/api/v1/price-items', { code: unique('P'), name: 'x', unit: '次', priceCents: 1.5, category: 'other' })).status).toBe(400);

    const manager = await staff(server, { role: 'manager' });
    expect((await manager.patch(`/api/v1/price-items/${created.body.id}`, { priceCents: 1 })).status).toBe(403);

    const edited = await admin.patch(`/api/v1/price-items/${created.body.id}`, { priceCents: 9000, archived: true });
    expect(edited.body).toMatchObject({ priceCents: 9000, archived: true });

    const tech = await staff(server, { role: 'technician' });
    const list = await tech.get('/api/v1/price-items');
    expect(list.status).toBe(200);
    expect(list.body.items.some((i: { code: string }) => i.code === code)).toBe(false);
    const all = await tech.get('/api/v1/price-items?includeArchived=true');
    expect(all.body.items.find((i: { code: string }) => i.code === code)).toMatchObject({ priceCents: 9000 });
  });
});
