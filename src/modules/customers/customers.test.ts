import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, createCustomer, staff, unique } from '../../../test/factories.ts';
import { startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe('customers', () => {
  it('creates a customer with contacts and reads it back', async () => {
    const agent = await staff(server, { role: 'agent' });
    const c = await createCustomer(agent, { name: unique('杭州西湖电子有限公司'), classification: { scale: 'large' }, tier: 'gold' });
    expect(c.classification).toEqual({ scale: 'large' });
    expect(c.tier).toMatchObject({ key: 'gold' });
    await createContact(agent, c.id, { phones: ['138-1234-5678'] });
    const res = await agent.get(`/api/v1/customers/${c.id}`);
    expect(res.status).toBe(200);
    expect(res.body.contacts).toHaveLength(1);
    expect(res.body.completeness).toBe(87); // 7 of the 8 seeded required fields: no address
  });
});
