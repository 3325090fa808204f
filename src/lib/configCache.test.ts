/**
 * Configuration read on every create is cached per instance; a change made
 * anywhere is seen by the next create: on the same instance at once, on another
 * instance sharing the PostgreSQL database as soon as its NOTIFY arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, unique } from '../../test/factories.ts';
import { type Client, startServer, startTwoInstances, type TestServer, type TwoInstances } from '../../test/harness.ts';
import { testDbKind } from '../../test/testDatabase.ts';
import { waitFor } from '../../test/slaKit.ts';

const RULES = '/api/v1/automation/rules';

function urgentRule(marker: string, active = true) {
  return {
    name: unique('规则'),
    trigger: 'created',
    active,
    conditions: [{ field: 'subject', op: 'contains', value: marker }],
    actions: [{ type: 'setPriority', priority: 'urgent' }],
  };
}

describe('one instance', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer();
    admin = await server.admin();
  });
  afterAll(() => server?.close());

  it('applies a rule created, changed or switched off right after orders were created without it', async () => {
    const customer = await createCustomer(admin);
    const marker = unique('m');
    // The first create caches "no rules for created"; the rule made next must still apply.
    expect((await createWorkOrder(admin, customer.id, { subject: `${marker} 1` })).priority).toBe('normal');
    const rule = await admin.post(RULES, urgentRule(marker));
    expect(rule.status).toBe(201);
    expect((await createWorkOrder(admin, customer.id, { subject: `${marker} 2` })).priority).toBe('urgent');
    expect((await admin.patch(`${RULES}/${rule.body.id}`, { active: false })).status).toBe(200);
    expect((await createWorkOrder(admin, customer.id, { subject: `${marker} 3` })).priority).toBe('normal');
  });
});

describe.runIf(testDbKind() === 'postgres')('two instances on one PostgreSQL database', () => {
  let instances: TwoInstances;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    instances = await startTwoInstances();
    ({ a, b } = instances);
  });
  afterAll(() => instances?.close());

  it('a rule created through B applies to orders created through A', async () => {
    const adminA = await a.admin();
    const adminB = await b.admin();
    const customer = await createCustomer(adminA);
    const marker = unique('m');
    expect((await createWorkOrder(adminA, customer.id, { subject: `${marker} 1` })).priority).toBe('normal');
    expect((await adminB.post(RULES, urgentRule(marker))).status).toBe(201);
    // A hears of the change through NOTIFY, a moment after B's commit.
    const priority = await waitFor(async () => {
      const order = await createWorkOrder(adminA, customer.id, { subject: `${marker} n` });
      return order.priority === 'urgent' ? order.priority : null;
    }, 5000);
    expect(priority).toBe('urgent');
  }, 30_000);
});
