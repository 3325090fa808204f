import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsset, createContact, createCustomer, customerUser, staff, unique } from '../../../test/factories.ts';
import { startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

/** An 18-character unified social credit code, unique per call. */
function creditCode(): string {
  return `91330100${unique('').toUpperCase()}AB`;
}

function isoDaysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('customer records', () => {
  it('lets an agent create and edit a customer, and shows it with classification, tier and relations', async () => {
    const agent = await staff(server, { role: 'agent' });
    const c = await createCustomer(agent, {
      name: unique('杭州西湖电子有限公司'),
      creditCode: creditCode(),
      address: '文三路 100 号',
      email: 'info@example.com',
      notes: '重要客户',
      classification: { scale: 'large', cooperation: 'agreement' },
      tier: 'gold',
    });
    expect(c).toMatchObject({ classification: { scale: 'large', cooperation: 'agreement' }, tier: { key: 'gold', name: '金牌' } });
    expect(c.classificationNames.map((n: { option: { name: string } }) => n.option.name)).toEqual(['大客户', '协议']);
    expect(c.abilities).toEqual({ edit: true, archive: false, seeAudit: true, managePortalAccounts: false });

    const upd = await agent.patch(`/api/v1/customers/${c.id}`, { city: '宁波市', classification: { cooperation: null, scale: 'general' } });
    expect(upd.status).toBe(200);
    expect(upd.body.city).toBe('宁波市');
    expect(upd.body.classification).toEqual({ scale: 'general' });
  });

  it('shows assets with warranty status and contracts with active/expired', async () => {
    const agent = await staff(server, { role: 'agent' });
    const c = await createCustomer(agent);
    await createAsset(agent, c.id, { warrantyEnd: isoDaysFromToday(30), installDate: isoDaysFromToday(-300), serial: 'SN-1' });
    await createAsset(agent, c.id, { kind: 'system', warrantyEnd: isoDaysFromToday(-30) });
    await createAsset(agent, c.id, { kind: 'site' });
    const past = await agent.post(`/api/v1/customers/${c.id}/contracts`, { number: 'HT-1', startsOn: '2020-01-01', endsOn: '2020-12-31', serviceTerms: '7×24 响应' });
    expect(past.status).toBe(201);
    const current = await agent.post(`/api/v1/customers/${c.id}/contracts`, { number: 'HT-2', startsOn: '2020-01-01', endsOn: isoDaysFromToday(365) });
    const detail = (await agent.get(`/api/v1/customers/${c.id}`)).body;
    expect(detail.assets.map((a: { warrantyStatus: string }) => a.warrantyStatus)).toEqual(['in_warranty', 'expired', 'unknown']);
    expect(detail.contracts.map((k: { status: string }) => k.status)).toEqual(['expired', 'active']);
    expect(current.body.status).toBe('active');
  });

  it('refuses bad phones, emails, dates and unknown fields, writing nothing', async () => {
    const agent = await staff(server, { role: 'agent' });
    const name = unique('坏数据');
    for (const body of [
      { name, phones: ['138<script>'] },
      { name, phones: Array.from({ length: 11 }, (_, i) => `1380000000${i % 10}`) },
      { name, email: 'not-an-email' },
      { name, province: 'x'.repeat(51) },
      { name, creditCode: 'short' },
      { name, secret: 1 },
    ]) {
      const res = await agent.post('/api/v1/customers', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const c = await createCustomer(agent);
    const badDate = await agent.post(`/api/v1/customers/${c.id}/assets`, { kind: 'device', name: 'x', warrantyEnd: '2026-02-30' });
    expect(badDate.status).toBe(400);
    const badOrder = await agent.post(`/api/v1/customers/${c.id}/contracts`, { number: 'x', startsOn: '2026-02-01', endsOn: '2026-01-01' });
    expect(badOrder.status).toBe(400);
    const list = await agent.get(`/api/v1/customers?q=${encodeURIComponent(name)}`);
    expect(list.body.total).toBe(0);
  });

  it('refuses a credit code another active customer has (409), and allows it once that one is archived', async () => {
    const manager = await staff(server, { role: 'manager' });
    const code = creditCode();
    const first = await createCustomer(manager, { creditCode: code });
    expect(first.abilities).toEqual({ edit: true, archive: true, seeAudit: true, managePortalAccounts: true });
    const dup = await manager.post('/api/v1/customers', { name: unique('重复'), creditCode: code.toLowerCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CREDIT_CODE_TAKEN');
    expect((await manager.post(`/api/v1/customers/${first.id}/archive`)).status).toBe(200);
    const second = await createCustomer(manager, { creditCode: code });
    expect(second.creditCode).toBe(code);
    const restore = await manager.post(`/api/v1/customers/${first.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.error.code).toBe('CREDIT_CODE_TAKEN');
  });
});

describe('classification and custom fields on customers', () => {
  it('refuses unknown or archived sets and options, and unknown tiers (400), writing nothing', async () => {
    const agent = await staff(server, { role: 'agent' });
    const c = await createCustomer(agent, { classification: { scale: 'large' } });
    for (const classification of [{ nosuch: 'large' }, { scale: 'huge' }, { scale: 'agreement' }]) {
      const res = await agent.patch(`/api/v1/customers/${c.id}`, { classification, city: '温州市' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await agent.patch(`/api/v1/customers/${c.id}`, { tier: 'platinum' })).status).toBe(400);
    const after = (await agent.get(`/api/v1/customers/${c.id}`)).body;
    expect(after.classification).toEqual({ scale: 'large' });
    expect(after.city).toBe('杭州市');
  });

  it('validates custom field values by kind; a wrong type writes nothing', async () => {
    const admin = await server.admin();
    const key = `f${unique('').slice(0, 6)}`;
    const def = await admin.post('/api/v1/config/custom-fields', { entity: 'customer', key, label: '员工人数', kind: 'number' });
    expect(def.status).toBe(201);
    const agent = await staff(server, { role: 'agent' });
    const c = await createCustomer(agent, { customFields: { [key]: 120 } });
    expect(c.customFields).toEqual({ [key]: 120 });
    const wrong = await agent.patch(`/api/v1/customers/${c.id}`, { customFields: { [key]: 'many' }, address: '新地址' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toMatchObject({ field: `customFields.${key}` });
    const unknown = await agent.post('/api/v1/customers', { name: unique('x'), customFields: { nosuch: 1 } });
    expect(unknown.status).toBe(400);
    const after = (await agent.get(`/api/v1/customers/${c.id}`)).body;
    expect(after.customFields).toEqual({ [key]: 120 });
    expect(after.address).toBe('');
  });
});

describe('archive and restore', () => {
  it('archives instead of deleting; lists hide archived unless asked; only admin and manager may archive', async () => {
    const agent = await staff(server, { role: 'agent' });
    const manager = await staff(server, { role: 'manager' });
    const c = await createCustomer(agent);
    const refused = await agent.post(`/api/v1/customers/${c.id}/archive`);
    expect(refused.status).toBe(403);
    const archived = await manager.post(`/api/v1/customers/${c.id}/archive`);
    expect(archived.body.archived).toBe(true);
    const active = await agent.get(`/api/v1/customers?q=${encodeURIComponent(c.name)}`);
    expect(active.body.items).toHaveLength(0);
    const withArchived = await agent.get(`/api/v1/customers?q=${encodeURIComponent(c.name)}&archived=true`);
    expect(withArchived.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    // Still readable, but frozen for edits to its contacts until restored.
    expect((await agent.get(`/api/v1/customers/${c.id}`)).status).toBe(200);
    const frozen = await agent.post(`/api/v1/customers/${c.id}/contacts`, { name: '张三' });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe('CUSTOMER_ARCHIVED');
    const restored = await manager.post(`/api/v1/customers/${c.id}/restore`);
    expect(restored.body.archived).toBe(false);
  });

  it('archives and restores contacts, assets and contracts', async () => {
    const manager = await staff(server, { role: 'manager' });
    const c = await createCustomer(manager);
    const contact = await createContact(manager, c.id);
    const asset = await createAsset(manager, c.id);
    expect((await manager.post(`/api/v1/contacts/${contact.id}/archive`)).body.archived).toBe(true);
    expect((await manager.post(`/api/v1/assets/${asset.id}/archive`)).body.archived).toBe(true);
    expect((await manager.get(`/api/v1/customers/${c.id}/contacts`)).body.items).toHaveLength(0);
    expect((await manager.get(`/api/v1/customers/${c.id}/contacts?includeArchived=true`)).body.items).toHaveLength(1);
    expect((await manager.post(`/api/v1/contacts/${contact.id}/restore`)).body.archived).toBe(false);
    expect((await manager.get(`/api/v1/customers/${c.id}/assets`)).body.items).toHaveLength(0);
  });
});

describe('audit log', () => {
  it('records every change with before/after and the actor, newest first', async () => {
    const agent = await staff(server, { role: 'agent', displayName: '王客服' });
    const manager = await staff(server, { role: 'manager', displayName: '李经理' });
    const c = await createCustomer(agent, { address: '旧地址' });
    await agent.patch(`/api/v1/customers/${c.id}`, { address: '新地址' });
    const contact = await createContact(agent, c.id, { phones: ['13800000000'] });
    await agent.patch(`/api/v1/contacts/${contact.id}`, { position: '经理' });
    await manager.post(`/api/v1/contacts/${contact.id}/archive`);
    await manager.post(`/api/v1/customers/${c.id}/archive`);

    const res = await manager.get(`/api/v1/customers/${c.id}/audit`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual([
      'customer.archived',
      'contact.archived',
      'contact.updated',
      'contact.created',
      'customer.updated',
      'customer.created',
    ]);
    const [archived, , contactUpdated, , customerUpdated] = res.body.items;
    expect(archived.actor.displayName).toBe('李经理');
    expect(customerUpdated.actor.displayName).toBe('王客服');
    expect(customerUpdated.data).toEqual({ entity: 'customer', entityId: c.id, before: { address: '旧地址' }, after: { address: '新地址' } });
    expect(contactUpdated.data).toEqual({ entity: 'contact', entityId: contact.id, before: { position: '' }, after: { position: '经理' } });
  });

  it('is readable by all staff, never by customer users', async () => {
    const agent = await staff(server, { role: 'agent' });
    const c = await createCustomer(agent);
    const tech = await staff(server, { role: 'technician' });
    expect((await tech.get(`/api/v1/customers/${c.id}/audit`)).status).toBe(200);
    const portal = await customerUser(server, c.id);
    expect((await portal.get(`/api/v1/customers/${c.id}/audit`)).status).toBe(403);
  });
});

describe('audit of assets and contracts', () => {
  it('records asset and contract edits on the customer with before/after', async () => {
    const agent = await staff(server, { role: 'agent' });
    const c = await createCustomer(agent);
    const asset = await createAsset(agent, c.id, { serial: 'SN-OLD' });
    const updated = await agent.patch(`/api/v1/assets/${asset.id}`, { serial: 'SN-NEW', warrantyEnd: '2000-01-01' });
    expect(updated.body).toMatchObject({ serial: 'SN-NEW', warrantyStatus: 'expired' });
    const contract = (await agent.post(`/api/v1/customers/${c.id}/contracts`, { number: 'HT-A' })).body;
    await agent.patch(`/api/v1/contracts/${contract.id}`, { number: 'HT-B', serviceTerms: '上门服务' });
    const audit = (await agent.get(`/api/v1/customers/${c.id}/audit?pageSize=2`)).body;
    expect(audit.total).toBe(5);
    expect(audit.items[0].data).toEqual({
      entity: 'contract',
      entityId: contract.id,
      before: { number: 'HT-A', serviceTerms: '' },
      after: { number: 'HT-B', serviceTerms: '上门服务' },
    });
    expect(audit.items[1].data).toMatchObject({ entity: 'contract', before: null, after: { number: 'HT-A' } });
    const older = (await agent.get(`/api/v1/customers/${c.id}/audit?pageSize=2&page=2`)).body;
    expect(older.items[0].data).toEqual({
      entity: 'asset',
      entityId: asset.id,
      before: { serial: 'SN-OLD', warrantyEnd: null },
      after: { serial: 'SN-NEW', warrantyEnd: '2000-01-01' },
    });
  });
});

describe('permissions', () => {
  it('lets technicians and quality read but not edit (403)', async () => {
    const agent = await staff(server, { role: 'agent' });
    const c = await createCustomer(agent);
    const contact = await createContact(agent, c.id);
    for (const role of ['technician', 'quality'] as const) {
      const user = await staff(server, { role });
      expect((await user.get(`/api/v1/customers/${c.id}`)).status).toBe(200);
      expect((await user.patch(`/api/v1/customers/${c.id}`, { city: '温州市' })).status).toBe(403);
      expect((await user.post('/api/v1/customers', { name: unique('x') })).status).toBe(403);
      expect((await user.patch(`/api/v1/contacts/${contact.id}`, { name: '改名' })).status).toBe(403);
      expect((await user.post(`/api/v1/customers/${c.id}/assets`, { kind: 'device', name: 'x' })).status).toBe(403);
    }
    expect((await agent.get(`/api/v1/customers/${c.id}`)).body.city).toBe('杭州市');
  });

  it('shows customer users only their own organisation, without notes', async () => {
    const agent = await staff(server, { role: 'agent' });
    const a = await createCustomer(agent, { notes: '内部备注' });
    const b = await createCustomer(agent);
    const contactA = await createContact(agent, a.id, { notes: '私下' });
    const contactB = await createContact(agent, b.id);
    const portal = await customerUser(server, a.id);

    const own = await portal.get(`/api/v1/customers/${a.id}`);
    expect(own.status).toBe(200);
    expect(own.body.notes).toBeUndefined();
    expect(own.body.contacts[0].notes).toBeUndefined();
    expect(own.body.abilities).toEqual({ edit: false, archive: false, seeAudit: false, managePortalAccounts: false });
    expect((await portal.get(`/api/v1/contacts/${contactA.id}`)).status).toBe(200);
    const admin = await server.admin();
    const gone = await createContact(agent, a.id);
    await admin.post(`/api/v1/contacts/${gone.id}/archive`);
    expect((await portal.get(`/api/v1/customers/${a.id}`)).body.contacts.map((x: { id: string }) => x.id)).toEqual([contactA.id]);
    expect((await portal.get(`/api/v1/customers/${a.id}/contacts?includeArchived=true`)).body.items).toHaveLength(1);
    expect((await agent.get(`/api/v1/customers/${a.id}`)).body.contacts).toHaveLength(2);

    const other = await portal.get(`/api/v1/customers/${b.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('CUSTOMER_NOT_FOUND');
    expect((await portal.get(`/api/v1/customers/${b.id}/contacts`)).status).toBe(404);
    expect((await portal.get(`/api/v1/contacts/${contactB.id}`)).status).toBe(404);
    expect((await portal.patch(`/api/v1/customers/${a.id}`, { city: 'x' })).status).toBe(403);

    const list = await portal.get('/api/v1/customers?pageSize=100');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const search = await portal.get(`/api/v1/customers?q=${encodeURIComponent(b.name)}`);
    expect(search.body.total).toBe(0);
  });
});

describe('list', () => {
  it('filters by classification, tier, region and completeness, and sorts', async () => {
    const agent = await staff(server, { role: 'agent' });
    const city = unique('市');
    const full = await createCustomer(agent, {
      name: `A${unique('')}`,
      city,
      address: '地址',
      classification: { scale: 'large', cooperation: 'agreement' },
      tier: 'diamond',
    });
    await createContact(agent, full.id);
    const partial = await createCustomer(agent, { name: `B${unique('')}`, city, classification: { scale: 'general' } });
    const ids = async (query: string) =>
      (await agent.get(`/api/v1/customers?city=${encodeURIComponent(city)}&${query}`)).body.items.map((i: { id: string }) => i.id);

    expect(await ids('classification=scale:large,cooperation:agreement')).toEqual([full.id]);
    expect(await ids('classification=scale:general')).toEqual([partial.id]);
    expect(await ids('tier=diamond')).toEqual([full.id]);
    expect(await ids('completenessMin=100')).toEqual([full.id]);
    expect(await ids('completenessMax=99')).toEqual([partial.id]);
    expect(await ids('sort=completeness&order=desc')).toEqual([full.id, partial.id]);
    expect(await ids('sort=completeness&order=asc')).toEqual([partial.id, full.id]);
    expect(await ids('sort=name')).toEqual([full.id, partial.id]);
    expect(await ids('sort=createdAt')).toEqual([partial.id, full.id]);
    expect((await agent.get('/api/v1/customers?classification=bad')).status).toBe(400);
    const page = await agent.get(`/api/v1/customers?city=${encodeURIComponent(city)}&pageSize=1&page=2&sort=name`);
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.body.items[0].id).toBe(partial.id);
  });
});
