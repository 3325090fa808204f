/**
 * Realtime across instances: two servers on one PostgreSQL database, a browser
 * socket on B hears what was committed through A (LISTEN/NOTIFY), filtered by
 * what the socket's user may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, customerUser, staff, teamId } from '../../../test/factories.ts';
import { startTwoInstances, type TestServer, type TwoInstances } from '../../../test/harness.ts';
import { openSocket } from '../../../test/socket.ts';
import { testDbKind } from '../../../test/testDatabase.ts';

describe.runIf(testDbKind() === 'postgres')('realtime with two instances on one PostgreSQL database', () => {
  let instances: TwoInstances;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    instances = await startTwoInstances();
    ({ a, b } = instances);
  });
  afterAll(() => instances?.close());

  it('a socket on B hears an assignment made through A, and a customer on B hears only their own organisation’s public events', async () => {
    const adminA = await a.admin();
    const service = await teamId(adminA, 'service');
    const agent = await staff(a, { teams: [service] });
    const mine = await createCustomer(adminA);
    const theirs = await createCustomer(adminA);
    const portal = await customerUser(a, mine.id);

    // The same people log in on B: sessions live in the shared database.
    const agentOnB = b.client();
    agentOnB.cookie = agent.cookie;
    const portalOnB = b.client();
    portalOnB.cookie = portal.cookie;
    const agentSocket = await openSocket(b.url, agentOnB);
    const portalSocket = await openSocket(b.url, portalOnB);

    const order = await createWorkOrder(adminA, mine.id, { teamId: service });
    const other = await createWorkOrder(adminA, theirs.id, { teamId: service });
    expect((await adminA.post(`/api/v1/work-orders/${order.id}/assign`, { assigneeId: agent.id })).status).toBe(200);
    expect((await adminA.post(`/api/v1/work-orders/${other.id}/assign`, { assigneeId: agent.id })).status).toBe(200);

    await agentSocket.next((m) => m.type === 'workOrder' && m.id === order.id && m.event === 'workOrder.assigned');
    await agentSocket.next((m) => m.type === 'notifications');
    await agentSocket.next((m) => m.type === 'workOrder' && m.id === other.id && m.event === 'workOrder.assigned');
    expect((await agentOnB.get('/api/v1/notifications/unread-count')).body.unread).toBe(2);

    // A public event of the customer's own order after the others: once it arrives, everything before it has.
    await adminA.post(`/api/v1/work-orders/${order.id}/replies`, { body: '已安排工程师', internal: false });
    await portalSocket.next((m) => m.type === 'workOrder' && m.id === order.id && m.event === 'workOrder.replied');
    const heard = portalSocket.messages.filter((m) => m.type === 'workOrder');
    expect(heard.map((m) => m.id)).not.toContain(other.id);
    // Public: created, the move to "assigned", the reply; not the (internal) assignment itself.
    expect(heard.map((m) => m.event)).toEqual(['workOrder.created', 'workOrder.statusChanged', 'workOrder.replied']);
    expect(portalSocket.messages.some((m) => m.type === 'notifications')).toBe(false);
    agentSocket.close();
    portalSocket.close();
  }, 60_000);

  it('reconnects a lost LISTEN connection, tells sockets to refetch, and delivers again', async () => {
    const adminA = await a.admin();
    const service = await teamId(adminA, 'service');
    const agent = await staff(a, { teams: [service] });
    const agentOnB = b.client();
    agentOnB.cookie = agent.cookie;
    const socket = await openSocket(b.url, agentOnB);

    // Both instances listen; end every listening connection, as a database restart would.
    const ended = await a.database.query(
      "select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and query ilike 'listen %'",
    );
    expect(ended.rows.length).toBeGreaterThanOrEqual(2);
    await socket.next((m) => m.type === 'resync', 10_000);

    const order = await createWorkOrder(adminA, (await createCustomer(adminA)).id, { teamId: service });
    await socket.next((m) => m.type === 'workOrder' && m.id === order.id);
    socket.close();
  }, 60_000);
});
