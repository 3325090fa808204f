import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, createCustomer, customerUser, staff, unique } from '../../../test/factories.ts';
import { startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

async function completeness(client: { get: (url: string) => Promise<{ body: { completeness: number } }> }, id: string) {
  return (await client.get(`/api/v1/customers/${id}`)).body.completeness;
}

// One file, one database: these tests change the global required-field setting, in order.
describe('information completeness', () => {
  it('starts from the seeded required fields and follows every change of the customer and its contacts', async () => {
    const admin = await server.admin();
    const config = await admin.get('/api/v1/config/completeness');
    expect(config.body.requiredFields).toEqual(['name', 'phones', 'province', 'city', 'address', 'contacts', 'classification.scale', 'tier']);
    const agent = await staff(server, { role: 'agent' });
    // name, phones, province, city are filled by the factory: 4 of 8.
    const c = await createCustomer(agent);
    expect(c.completeness).toBe(50);
    await agent.patch(`/api/v1/customers/${c.id}`, { address: '延安路 1 号', tier: 'silver' });
    expect(await completeness(agent, c.id)).toBe(75);
    const contact = await createContact(agent, c.id);
    expect(await completeness(agent, c.id)).toBe(87);
    await agent.patch(`/api/v1/customers/${c.id}`, { classification: { scale: 'general' } });
    expect(await completeness(agent, c.id)).toBe(100);
    await admin.post(`/api/v1/contacts/${contact.id}/archive`);
    expect(await completeness(agent, c.id)).toBe(87);
    await agent.patch(`/api/v1/customers/${c.id}`, { phones: [] });
    expect(await completeness(agent, c.id)).toBe(75);
  });

  it('rescores every customer when the admin changes the required fields', async () => {
    const admin = await server.admin();
    const agent = await staff(server, { role: 'agent' });
    const key = `f${unique('').slice(0, 6)}`;
    await admin.post('/api/v1/config/custom-fields', { entity: 'customer', key, label: '行业', kind: 'select', options: [{ key: 'it', label: 'IT' }] });
    const withAsset = await createCustomer(agent, { customFields: { [key]: 'it' } });
    await agent.post(`/api/v1/customers/${withAsset.id}/assets`, { kind: 'device', name: '打印机' });
    const bare = await createCustomer(agent);

    const res = await admin.put('/api/v1/config/completeness', { requiredFields: ['name', 'assets', `custom.${key}`, 'email'] });
    expect(res.status).toBe(200);
    expect(res.body.requiredFields).toEqual(['name', 'assets', `custom.${key}`, 'email']);
    expect(await completeness(agent, withAsset.id)).toBe(75);
    expect(await completeness(agent, bare.id)).toBe(25);

    const list = await agent.get('/api/v1/customers?completenessMin=75&pageSize=100');
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(withAsset.id);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(bare.id);

    await admin.put('/api/v1/config/completeness', { requiredFields: [] });
    expect(await completeness(agent, bare.id)).toBe(100);
  });

  it('refuses unknown keys and non-admins, changing nothing', async () => {
    const admin = await server.admin();
    await admin.put('/api/v1/config/completeness', { requiredFields: ['name', 'classification.scale'] });
    for (const field of ['nosuch', 'classification.nosuch', 'custom.nosuch']) {
      const res = await admin.put('/api/v1/config/completeness', { requiredFields: ['name', field] });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('UNKNOWN_REQUIRED_FIELD');
    }
    const manager = await staff(server, { role: 'manager' });
    expect((await manager.put('/api/v1/config/completeness', { requiredFields: ['name'] })).status).toBe(403);
    expect((await manager.get('/api/v1/config/completeness')).body.requiredFields).toEqual(['name', 'classification.scale']);
    const c = await createCustomer(manager);
    const portal = await customerUser(server, c.id);
    expect((await portal.get('/api/v1/config/completeness')).status).toBe(404);
  });
});
