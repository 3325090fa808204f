import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, customerUser, staff, unique } from '../../../test/factories.ts';
import { startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

const newKey = () => `k${unique('').slice(0, 8)}`;

describe('category sets and options', () => {
  it('lists the seeded sets with their options in order, to staff and customer users', async () => {
    const agent = await staff(server, { role: 'agent' });
    const res = await agent.get('/api/v1/config/category-sets');
    expect(res.status).toBe(200);
    const names = res.body.items.slice(0, 5).map((s: { name: string }) => s.name);
    expect(names).toEqual(['规模', '合作方式', '区域级别', '往来', '发展']);
    expect(res.body.items[0].options.map((o: { name: string }) => o.name)).toEqual(['大客户', '一般客户']);
    const portal = await customerUser(server, (await createCustomer(agent)).id);
    expect((await portal.get('/api/v1/config/category-sets')).body.items[0].options[0].name).toBe('大客户');
  });

  it('lets an admin create, rename, reorder and archive; archived options cannot be chosen any more', async () => {
    const admin = await server.admin();
    const setKey = newKey();
    const created = await admin.post('/api/v1/config/category-sets', { key: setKey, name: '行业' });
    expect(created.status).toBe(201);
    expect((await admin.post('/api/v1/config/category-sets', { key: setKey, name: '重复' })).body.error.code).toBe('CATEGORY_SET_EXISTS');
    await admin.post(`/api/v1/config/category-sets/${setKey}/options`, { key: 'energy', name: '能源' });
    await admin.post(`/api/v1/config/category-sets/${setKey}/options`, { key: 'health', name: '医疗' });
    const renamed = await admin.patch(`/api/v1/config/category-sets/${setKey}/options/health`, { name: '医疗卫生', nameEn: 'Health' });
    expect(renamed.body.options.find((o: { key: string }) => o.key === 'health')).toMatchObject({ name: '医疗卫生', nameEn: 'Health' });
    const reordered = await admin.put(`/api/v1/config/category-sets/${setKey}/order`, { keys: ['health', 'energy'] });
    expect(reordered.body.options.map((o: { key: string }) => o.key)).toEqual(['health', 'energy']);
    expect((await admin.put(`/api/v1/config/category-sets/${setKey}/order`, { keys: ['health'] })).status).toBe(400);

    const agent = await staff(server, { role: 'agent' });
    const c = await createCustomer(agent, { classification: { [setKey]: 'energy' } });
    expect(c.classification).toEqual({ [setKey]: 'energy' });

    await admin.patch(`/api/v1/config/category-sets/${setKey}/options/health`, { archived: true });
    const refused = await agent.patch(`/api/v1/customers/${c.id}`, { classification: { [setKey]: 'health' } });
    expect(refused.status).toBe(400);
    const visible = (await agent.get('/api/v1/config/category-sets')).body.items.find((s: { key: string }) => s.key === setKey);
    expect(visible.options.map((o: { key: string }) => o.key)).toEqual(['energy']);
    const all = (await admin.get('/api/v1/config/category-sets?includeArchived=true')).body.items.find((s: { key: string }) => s.key === setKey);
    expect(all.options.find((o: { key: string }) => o.key === 'health').archived).toBe(true);

    // A customer keeps the value it has even after the option is archived.
    await admin.patch(`/api/v1/config/category-sets/${setKey}/options/energy`, { archived: true });
    const kept = await agent.patch(`/api/v1/customers/${c.id}`, { city: '绍兴市' });
    expect(kept.status).toBe(200);
    expect(kept.body.classification).toEqual({ [setKey]: 'energy' });
  });

  it('refuses changes from non-admins and bad keys', async () => {
    const manager = await staff(server, { role: 'manager' });
    expect((await manager.post('/api/v1/config/category-sets', { key: newKey(), name: 'x' })).status).toBe(403);
    expect((await manager.patch('/api/v1/config/category-sets/scale', { name: 'x' })).status).toBe(403);
    const admin = await server.admin();
    expect((await admin.post('/api/v1/config/category-sets', { key: 'Bad Key', name: 'x' })).status).toBe(400);
    expect((await admin.patch('/api/v1/config/category-sets/nosuch', { name: 'x' })).status).toBe(404);
    expect((await admin.patch('/api/v1/config/category-sets/scale/options/nosuch', { name: 'x' })).status).toBe(404);
  });
});

describe('service tiers', () => {
  it('lists tiers by rank; an admin creates, renames, re-ranks and archives them', async () => {
    const admin = await server.admin();
    const list = await admin.get('/api/v1/config/service-tiers');
    expect(list.body.items.slice(0, 4).map((t: { key: string }) => t.key)).toEqual(['diamond', 'gold', 'silver', 'basic']);
    const key = newKey();
    expect((await admin.post('/api/v1/config/service-tiers', { key, name: '白金', rank: 10 })).status).toBe(201);
    expect((await admin.post('/api/v1/config/service-tiers', { key, name: '白金' })).status).toBe(409);
    expect((await admin.get('/api/v1/config/service-tiers')).body.items[0].key).toBe(key);
    const updated = await admin.patch(`/api/v1/config/service-tiers/${key}`, { name: '铂金', rank: 0 });
    expect(updated.body).toMatchObject({ name: '铂金', rank: 0 });

    const agent = await staff(server, { role: 'agent' });
    const c = await createCustomer(agent, { tier: key });
    expect(c.tier.name).toBe('铂金');
    await admin.patch(`/api/v1/config/service-tiers/${key}`, { archived: true });
    expect((await agent.post('/api/v1/customers', { name: unique('x'), tier: key })).status).toBe(400);
    expect((await agent.patch(`/api/v1/config/service-tiers/${key}`, { archived: false })).status).toBe(403);
  });
});
