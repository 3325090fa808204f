/**
 * Outgoing SMS end to end, with a real HTTP gateway started by the test: the
 * acceptance code reaches the gateway after the request committed; nothing is
 * sent (and nothing queued) when the transaction rolls back; a refused post is
 * retried; without a gateway the message stays queued and says so; an expired
 * message is never sent. The code never stays in clear once the SMS left.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerUser, dispatchedRepair } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';
import { codeIn, type SmsGateway, startSmsGateway } from '../../../test/smsGateway.ts';
import { jobsIn } from '../../jobs/bind.ts';
import { type Actor, type Ctx, inTransaction } from '../../lib/context.ts';
import { sendAcceptanceCode } from '../repairs/commands/acceptance.ts';
import { queueSms } from './queueSms.ts';

let gateway: SmsGateway;
let server: TestServer;
let admin: Client;
beforeAll(async () => {
  gateway = await startSmsGateway();
  server = await startServer({ KEFU_SMS_WEBHOOK_URL: gateway.url });
  admin = await server.admin();
});
afterAll(async () => {
  await server?.close();
  await gateway?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const codeUrl = (id: string) => `/api/v1/work-orders/${id}/repair/acceptance/code`;

async function messagesOf(s: TestServer, workOrderId: string) {
  return s.database.db.selectFrom('outbound_messages').selectAll().where('work_order_id', '=', workOrderId).orderBy('created_at').execute();
}

async function waitForStatus(s: TestServer, id: string, status: string, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const row = await s.database.db.selectFrom('outbound_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (row.status === status || Date.now() > until) return row;
    await sleep(100);
  }
}

async function sendJobs(s: TestServer): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'outbound.send'`.execute(s.database.db);
  return rows[0]!.n;
}

/** A command context for a user, on its own transaction with the server's queue, as a request has. */
function ctxFor(s: TestServer, actor: Actor, tx: Ctx['tx']): Ctx {
  return { actor, tx, lang: 'zh-CN', jobs: jobsIn(s.jobs, tx), afterCommit: [] };
}

async function actorOf(s: TestServer, userId: string): Promise<Actor> {
  const user = await s.database.db.selectFrom('users').select(['id', 'username', 'display_name', 'role']).where('id', '=', userId).executeTakeFirstOrThrow();
  const teams = await s.database.db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    teamIds: teams.map((t) => t.team_id),
    leadTeamIds: [],
    customerId: null,
    via: 'session',
  };
}

describe('SMS through a gateway', () => {
  it('delivers the acceptance code after commit, then keeps only the redacted text', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    const res = await tech.post(codeUrl(order.id));
    expect(res.status).toBe(200);

    const sms = await gateway.take((m) => m.text.includes(order.number));
    expect(sms.to).toBe('13800138000');
    const code = codeIn(sms);
    const [message] = await messagesOf(server, order.id);
    const row = await waitForStatus(server, message!.id, 'sent');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, channel: 'sms', purpose: 'repair.acceptanceCode' });
    expect(row.sent_at).not.toBeNull();
    expect(row.body).not.toContain(code);
    expect(row.body).toContain('******');

    const view = (await tech.get(`/api/v1/work-orders/${order.id}/repair`)).body;
    expect(view.acceptance.codeMessage).toMatchObject({ status: 'sent', reason: null, recipient: '*******8000', attempts: 1 });
    const list = (await tech.get(`/api/v1/work-orders/${order.id}/outbound-messages`)).body.items;
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(code);
    const timeline = (await tech.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items.map((e: { type: string }) => e.type);
    expect(timeline).toContain('outbound.smsSent');

    // The code works for the customer's acceptance.
    expect((await tech.post(`/api/v1/work-orders/${order.id}/repair/acceptance/verify`, { code })).status).toBe(200);
  });

  it('sends nothing and queues nothing when the transaction rolls back', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    const jobsBefore = await sendJobs(server);
    const actor = await actorOf(server, tech.id);
    await expect(
      inTransaction(server.database.db, async (tx) => {
        await sendAcceptanceCode(ctxFor(server, actor, tx), order.id, {}, { gatewayConfigured: true });
        throw new Error('a later step of the same request failed');
      }),
    ).rejects.toThrow('a later step');

    await sleep(2000);
    expect(gateway.received.filter((m) => m.text.includes(order.number))).toEqual([]);
    expect(await messagesOf(server, order.id)).toEqual([]);
    expect(await sendJobs(server)).toBe(jobsBefore);
    const repair = await server.database.db.selectFrom('repair_orders').select('code_hash').where('work_order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(repair.code_hash).toBeNull();
  });

  it('retries a post the gateway refused, and marks the message failed after the last attempt', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    gateway.failNext(1);
    const refusedBefore = gateway.refused;
    await tech.post(codeUrl(order.id));
    await gateway.take((m) => m.text.includes(order.number), 15_000);
    expect(gateway.refused).toBe(refusedBefore + 1);
    const [message] = await messagesOf(server, order.id);
    const sent = await waitForStatus(server, message!.id, 'sent');
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: null });

    // A message on its last attempt that the gateway refuses is given up, its text redacted.
    const actor = await actorOf(server, tech.id);
    gateway.failNext(1);
    const id = await inTransaction(server.database.db, async (tx) => {
      const messageId = await queueSms(ctxFor(server, actor, tx), {
        purpose: 'test.lastTry',
        recipient: '13900000000',
        body: '验证码 424242',
        bodyRedacted: '验证码 ******',
        workOrderId: order.id,
        gatewayConfigured: true,
      });
      await tx.updateTable('outbound_messages').set({ attempts: 2 }).where('id', '=', messageId).execute();
      return messageId;
    });
    const failed = await waitForStatus(server, id, 'failed');
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, body: '验证码 ******' });
    expect(failed.last_error).toContain('503');
    const timeline = (await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items;
    expect(timeline.find((e: { type: string }) => e.type === 'outbound.smsFailed').data).toMatchObject({ purpose: 'test.lastTry', recipient: '*******0000' });
  }, 30_000);

  it('never sends a message after its expiry', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    const actor = await actorOf(server, tech.id);
    const id = await inTransaction(server.database.db, (tx) =>
      queueSms(ctxFor(server, actor, tx), {
        purpose: 'test.expired',
        recipient: '13900000001',
        body: '过期的验证码 111111',
        bodyRedacted: '过期的验证码 ******',
        workOrderId: order.id,
        expiresAt: new Date(Date.now() - 1000),
        gatewayConfigured: true,
      }),
    );
    const row = await waitForStatus(server, id, 'failed');
    expect(row).toMatchObject({ status: 'failed', last_error: 'EXPIRED', body: '过期的验证码 ******', attempts: 0 });
    expect(gateway.received.filter((m) => m.to === '13900000001')).toEqual([]);
  });
});

describe('without an SMS gateway', () => {
  let bare: TestServer;
  beforeAll(async () => {
    bare = await startServer();
  });
  afterAll(() => bare?.close());

  it('records the code but keeps the message queued as not sendable, and says so', async () => {
    const bareAdmin = await bare.admin();
    const { order, tech } = await dispatchedRepair(bare, bareAdmin);
    const jobsBefore = await sendJobs(bare);
    const first = await tech.post(codeUrl(order.id));
    expect(first.status).toBe(200);
    expect(first.body.acceptance).toMatchObject({ codePending: true, codeMessage: { status: 'queued', reason: 'NO_GATEWAY', attempts: 0, sentAt: null } });
    await sleep(1500);
    const [row] = await messagesOf(bare, order.id);
    expect(row).toMatchObject({ status: 'queued', last_error: 'NO_GATEWAY', attempts: 0 });
    // Nothing will send it, so the code is not kept in clear.
    expect(row!.body).toContain('******');
    expect(await sendJobs(bare)).toBe(jobsBefore);

    // A new code supersedes the unsent one.
    const second = await tech.post(codeUrl(order.id));
    expect(second.body.acceptance.codeMessage).toMatchObject({ status: 'queued', reason: 'NO_GATEWAY' });
    const rows = await messagesOf(bare, order.id);
    expect(rows.map((r) => [r.status, r.last_error])).toEqual([
      ['failed', 'SUPERSEDED'],
      ['queued', 'NO_GATEWAY'],
    ]);

    // Customers see neither the message nor its state.
    const portal = await customerUser(bare, order.customerId);
    expect((await portal.get(`/api/v1/work-orders/${order.id}/repair`)).body.acceptance.codeMessage).toBeNull();
    expect((await portal.get(`/api/v1/work-orders/${order.id}/outbound-messages`)).status).toBe(403);
  });
});
