/**
 * SLA timers are durable jobs: a breach due while the server is down fires when
 * it is back, and with two instances on one PostgreSQL database each step takes
 * effect exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { createCustomer, createWorkOrder } from '../../../test/factories.ts';
import { clocksOf, escalationTeam, sleep, topPolicy, waitFor, startInstance } from '../../../test/slaKit.ts';
import { createTestDatabase, type TestDatabase, testDbKind } from '../../../test/testDatabase.ts';
import type { TestServer } from '../../../test/harness.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb?.drop());

/** escalationTeam uses a server only for admin() and client(), which an instance has too. */
const asServer = (instance: Awaited<ReturnType<typeof startInstance>>) => instance as unknown as TestServer;

const breachCount = (workOrderId: string) =>
  testDb.database.db.selectFrom('sla_events').select('id').where('work_order_id', '=', workOrderId).where('kind', '=', 'breach').execute();

describe('durable SLA timers', () => {
  it('fires a breach that fell due while the server was stopped, once, after the restart', async () => {
    const first = await startInstance(testDb.database);
    const admin = await first.admin();
    const { typeKey } = await escalationTeam(asServer(first), admin);
    await topPolicy(admin, {
      match: { typeKeys: [typeKey] },
      targets: [{ clock: 'firstResponse', seconds: 3 }],
      escalations: [{ clock: 'firstResponse', atPercent: 100, actions: [{ type: 'raisePriority' }] }],
    });
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey });
    await first.stop();
    await sleep(4000);
    expect(await breachCount(order.id)).toHaveLength(0);

    const second = await startInstance(testDb.database);
    try {
      const admin2 = await second.admin();
      const breached = await waitFor(async () => ((await clocksOf(admin2, order.id)).firstResponse.state === 'breached' ? true : null), 10_000);
      expect(breached).toBe(true);
      await sleep(1500);
      expect(await breachCount(order.id)).toHaveLength(1);
      expect((await admin2.get(`/api/v1/work-orders/${order.id}`)).body.priority).toBe('high');
    } finally {
      await second.stop();
    }
  }, 60_000);
});

describe.runIf(testDbKind() === 'postgres')('two instances on one PostgreSQL database', () => {
  it('run each SLA step exactly once between them', async () => {
    const a = await startInstance(testDb.database);
    const otherDb = await openDatabase({ url: testDb.url!, poolSize: 5 });
    const b = await startInstance(otherDb);
    try {
      const admin = await a.admin();
      const { typeKey, lead } = await escalationTeam(asServer(a), admin);
      await topPolicy(admin, {
        match: { typeKeys: [typeKey] },
        targets: [{ clock: 'firstResponse', seconds: 2 }],
        escalations: [
          { clock: 'firstResponse', atPercent: 50, actions: [{ type: 'notifyTeamLead' }] },
          { clock: 'firstResponse', atPercent: 100, actions: [{ type: 'notifyTeamLead' }, { type: 'raisePriority' }] },
        ],
      });
      const customer = await createCustomer(admin);
      const orders = [];
      for (let i = 0; i < 8; i++) orders.push(await createWorkOrder(admin, customer.id, { typeKey, subject: `双实例 ${i}` }));
      for (const order of orders) {
        const done = await waitFor(async () => ((await breachCount(order.id)).length ? true : null), 15_000);
        expect(done).toBe(true);
      }
      await sleep(2500);
      for (const order of orders) {
        expect(await breachCount(order.id)).toHaveLength(1);
        const notes = await testDb.database.db.selectFrom('notifications').select('kind').where('work_order_id', '=', order.id).where('user_id', '=', lead.id).execute();
        expect(notes.map((n) => n.kind).sort()).toEqual(['slaBreach', 'slaWarning']);
        expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.priority).toBe('high');
      }
    } finally {
      await b.stop();
      await otherDb.close();
      await a.stop();
    }
  }, 90_000);
});
