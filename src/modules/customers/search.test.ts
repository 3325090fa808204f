import { jobsIn } from '../../jobs/bind.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, createCustomer, customerUser, staff } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';
import { type Actor, inTransaction } from '../../lib/context.ts';
import { searchCustomers } from './commands/listCustomers.ts';

let server: TestServer;
let agent: Client;
let target: { id: string };
let other: { id: string };
beforeAll(async () => {
  server = await startServer();
  agent = await staff(server, { role: 'agent' });
  target = await createCustomer(agent, { name: '杭州西湖电子有限公司', phones: ['0571-8765 4321'], email: 'Office@XiHu.example' });
  await createContact(agent, target.id, { name: '欧阳娜娜', phones: ['+86 139-1234-5678'], email: 'nana@xihu.example' });
  other = await createCustomer(agent, { name: '宁波东海机械厂', phones: ['0574-1111 2222'] });
});
afterAll(() => server?.close());

async function found(client: Client, q: string, extra = ''): Promise<string[]> {
  const res = await client.get(`/api/v1/customers?q=${encodeURIComponent(q)}&pageSize=100${extra}`);
  expect(res.status).toBe(200);
  return res.body.items.map((i: { id: string }) => i.id);
}

describe('customer search', () => {
  it('finds Chinese names by one, two and more characters, in order only', async () => {
    for (const q of ['西', '西湖', '电子有限', '杭州西湖电子有限公司']) expect(await found(agent, q), q).toContain(target.id);
    expect(await found(agent, '湖西')).not.toContain(target.id);
    expect(await found(agent, '西')).not.toContain(other.id);
  });

  it('finds by the customer phone and a contact phone, full or by last digits', async () => {
    expect(await found(agent, '057187654321')).toEqual([target.id]);
    expect(await found(agent, '4321')).toContain(target.id);
    expect(await found(agent, '8613912345678')).toEqual([target.id]);
    expect(await found(agent, '5678')).toContain(target.id);
    expect(await found(agent, '12345678')).toEqual([target.id]);
    expect(await found(agent, '9999')).toEqual([]);
  });

  it('finds by exact email of the customer or a contact, and by contact name', async () => {
    expect(await found(agent, 'office@xihu.example')).toEqual([target.id]);
    expect(await found(agent, 'NANA@xihu.example')).toEqual([target.id]);
    expect(await found(agent, 'nobody@xihu.example')).toEqual([]);
    expect(await found(agent, '欧阳')).toEqual([target.id]);
  });

  it('stays current when contacts change, and leaves archived contacts out', async () => {
    const c = await createCustomer(agent, { name: '温州瓯江贸易公司' });
    const contact = await createContact(agent, c.id, { name: '司马光', phones: ['13700001111'] });
    expect(await found(agent, '司马')).toEqual([c.id]);
    await agent.patch(`/api/v1/contacts/${contact.id}`, { name: '诸葛亮', phones: ['13700002222'] });
    expect(await found(agent, '司马')).toEqual([]);
    expect(await found(agent, '诸葛')).toEqual([c.id]);
    expect(await found(agent, '00002222')).toEqual([c.id]);
    const admin = await server.admin();
    await admin.post(`/api/v1/contacts/${contact.id}/archive`);
    expect(await found(agent, '诸葛')).toEqual([]);
  });

  it('leaves archived customers out unless asked, and obeys visibility', async () => {
    const manager = await staff(server, { role: 'manager' });
    const c = await createCustomer(agent, { name: '金华双龙旅游公司' });
    await manager.post(`/api/v1/customers/${c.id}/archive`);
    expect(await found(agent, '双龙')).toEqual([]);
    expect(await found(agent, '双龙', '&archived=all')).toEqual([c.id]);

    const portal = await customerUser(server, other.id);
    expect(await found(portal, '西湖')).toEqual([]);
    expect(await found(portal, '东海')).toEqual([other.id]);
  });

  it('is offered to other modules as searchCustomers(ctx, q, limit), visibility-filtered', async () => {
    const actor = (role: Actor['role'], customerId: string | null = null): Actor => ({
      id: '00000000-0000-0000-0000-000000000001',
      username: 'x',
      displayName: 'x',
      role,
      teamIds: [],
      leadTeamIds: [],
      customerId,
      via: 'session',
    });
    const run = (a: Actor, q: string, limit = 10) =>
      inTransaction(server.database.db, (tx) => searchCustomers({ actor: a, tx, lang: 'zh-CN', jobs: jobsIn(server.jobs, tx), afterCommit: [] }, q, limit));
    expect((await run(actor('agent'), '西湖')).map((c) => c.id)).toEqual([target.id]);
    expect(await run(actor('customer', other.id), '西湖')).toEqual([]);
    expect(await run(actor('agent'), '   ')).toEqual([]);
    expect((await run(actor('agent'), '公司', 1)).length).toBe(1);
  });
});
