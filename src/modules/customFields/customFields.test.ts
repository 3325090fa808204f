import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, staff, unique } from '../../../test/factories.ts';
import { startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

const newKey = () => `f${unique('').slice(0, 8)}`;

describe('custom field definitions', () => {
  it('lets an admin define fields of every kind for customers and work orders', async () => {
    const admin = await server.admin();
    const keys = { text: newKey(), number: newKey(), date: newKey(), select: newKey() };
    for (const [kind, key] of Object.entries(keys)) {
      const body = { entity: 'customer', key, label: `字段${kind}`, kind, ...(kind === 'select' ? { options: [{ key: 'a', label: '甲' }] } : {}) };
      expect((await admin.post('/api/v1/config/custom-fields', body)).status).toBe(201);
    }
    const wo = await admin.post('/api/v1/config/custom-fields', { entity: 'work_order', key: keys.text, label: '工单字段', kind: 'text' });
    expect(wo.status).toBe(201);
    const agent = await staff(server, { role: 'agent' });
    const list = await agent.get('/api/v1/config/custom-fields?entity=customer');
    expect(list.body.items.map((f: { key: string }) => f.key)).toEqual(expect.arrayContaining(Object.values(keys)));
    expect(list.body.items.every((f: { entity: string }) => f.entity === 'customer')).toBe(true);

    const c = await createCustomer(agent, {
      customFields: { [keys.text]: '说明', [keys.number]: 3.5, [keys.date]: '2026-01-31', [keys.select]: 'a' },
    });
    expect(c.customFields[keys.date]).toBe('2026-01-31');
    for (const [key, value] of [
      [keys.number, '3'],
      [keys.date, '2026-02-30'],
      [keys.select, 'b'],
      [keys.text, 5],
    ] as const) {
      const res = await agent.patch(`/api/v1/customers/${c.id}`, { customFields: { [key]: value } });
      expect(res.status, key).toBe(400);
    }
    const cleared = await agent.patch(`/api/v1/customers/${c.id}`, { customFields: { [keys.text]: null } });
    expect(cleared.body.customFields[keys.text]).toBeUndefined();
  });

  it('keeps the key immutable, validates options, and archives', async () => {
    const admin = await server.admin();
    const key = newKey();
    const noOptions = await admin.post('/api/v1/config/custom-fields', { entity: 'customer', key, label: '等级', kind: 'select' });
    expect(noOptions.status).toBe(400);
    const def = (
      await admin.post('/api/v1/config/custom-fields', { entity: 'customer', key, label: '等级', kind: 'select', options: [{ key: 'x', label: 'X' }] })
    ).body;
    expect((await admin.post('/api/v1/config/custom-fields', { entity: 'customer', key, label: '又一个', kind: 'text' })).status).toBe(409);
    expect((await admin.patch(`/api/v1/config/custom-fields/${def.id}`, { key: 'other' })).status).toBe(400);
    expect((await admin.patch(`/api/v1/config/custom-fields/${def.id}`, { kind: 'text' })).status).toBe(400);
    const relabelled = await admin.patch(`/api/v1/config/custom-fields/${def.id}`, { label: '客户等级', options: [{ key: 'x', label: 'X' }, { key: 'y', label: 'Y' }] });
    expect(relabelled.body).toMatchObject({ key, label: '客户等级' });
    expect(relabelled.body.options).toHaveLength(2);

    const manager = await staff(server, { role: 'manager' });
    expect((await manager.patch(`/api/v1/config/custom-fields/${def.id}`, { archived: true })).status).toBe(403);
    await admin.patch(`/api/v1/config/custom-fields/${def.id}`, { archived: true });
    const list = await manager.get('/api/v1/config/custom-fields?entity=customer');
    expect(list.body.items.map((f: { key: string }) => f.key)).not.toContain(key);
    const refused = await manager.post('/api/v1/customers', { name: unique('x'), customFields: { [key]: 'x' } });
    expect(refused.status).toBe(400);
  });
});
