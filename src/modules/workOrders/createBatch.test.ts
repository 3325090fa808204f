/**
 * Creates that arrive together are written together (commands/createBatch.ts):
 * one draw, one insert, one commit. Each caller must still get exactly its own
 * outcome — its own number, first-contact owner and language, or its own error —
 * and a create that fails inside the shared transaction must not take the
 * others with it nor leave anything half-written.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, createCustomer, staff, teamId, unique } from '../../../test/factories.ts';
import { Client, startServer, type TestServer } from '../../../test/harness.ts';
import { clocksOf, escalationTeam, sleep, slaEvents, topPolicy, waitFor } from '../../../test/slaKit.ts';
import { jobsIn } from '../../jobs/bind.ts';
import type { Actor, MakeCtx } from '../../lib/context.ts';
import { workOrderCreates } from './commands/createBatch.ts';
import { refChecksColumns, refColumns, refRecords } from './commands/drawNumber.ts';

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

describe('creates arriving together', () => {
  it('are committed together, each answered with its own number, owner and language', async () => {
    const customer = await createCustomer(admin);
    const service = await teamId(admin, 'service');
    const agent = await staff(server, { role: 'agent', teams: [service] });
    const english = new Client(server.url, 'en');
    english.cookie = admin.cookie;
    const marker = unique('批量');
    const callers = Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? agent : i % 3 === 1 ? english : admin));
    const replies = await Promise.all(
      callers.map((client, i) =>
        client.post('/api/v1/work-orders', { typeKey: 'repair', channel: 'phone', subject: `${marker} ${i}`, customerId: customer.id }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(24).fill(201));
    const numbers = replies.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(24);
    const seq = numbers.map((n) => Number(n.split('-')[1])).sort((a, b) => a - b);
    expect(seq[23]! - seq[0]!).toBe(23);
    replies.forEach((reply, i) => {
      expect(reply.body.subject).toBe(`${marker} ${i}`);
      expect(reply.body.status.name).toBe(callers[i] === english ? 'New' : '新建');
    });
    const agentOrders = replies.filter((_, i) => callers[i] === agent).map((r) => r.body.firstContactId);
    expect(new Set(agentOrders)).toEqual(new Set([agent.id]));
    const otherOwners = new Set(replies.filter((_, i) => callers[i] !== agent).map((r) => r.body.firstContactId));
    expect(otherOwners.size).toBe(1);
    expect(otherOwners.has(agent.id)).toBe(false);
    // Each order has its own SLA clocks and its own created event.
    for (const reply of replies.slice(0, 6)) {
      const clocks = await clocksOf(admin, reply.body.id);
      expect(Object.keys(clocks).sort()).toEqual(['callback', 'handling', 'resolution']);
      const timeline = (await admin.get(`/api/v1/work-orders/${reply.body.id}/timeline`)).body.items as Array<{ type: string }>;
      expect(timeline.filter((e) => e.type === 'workOrder.created')).toHaveLength(1);
    }
  });

  it('refuse only the creates that are wrong, whether refused at the draw or inside the shared transaction', async () => {
    const customer = await createCustomer(admin);
    const other = await createCustomer(admin);
    const foreignContact = await createContact(admin, other.id);
    const outsider = await staff(server, { role: 'agent' });
    const repair = await teamId(admin, 'repair');
    const marker = unique('混合');
    const base = { typeKey: 'consultation', channel: 'phone', customerId: customer.id };
    const bodies = Array.from({ length: 18 }, (_, i) => {
      if (i % 6 === 2) return { ...base, subject: `${marker} bad-contact ${i}`, contactId: foreignContact.id };
      if (i % 6 === 4) return { ...base, subject: `${marker} bad-assignee ${i}`, teamId: repair, assigneeId: outsider.id };
      return { ...base, subject: `${marker} ok ${i}` };
    });
    const replies = await Promise.all(bodies.map((body) => admin.post('/api/v1/work-orders', body)));
    replies.forEach((reply, i) => {
      if (i % 6 === 2) {
        expect(reply.status).toBe(400);
        expect(reply.body.error.details.field).toBe('contactId');
      } else if (i % 6 === 4) {
        expect(reply.status).toBe(400);
        expect(reply.body.error.code).toBe('ASSIGNEE_NOT_IN_TEAM');
      } else {
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        expect(reply.body.subject).toBe(bodies[i]!.subject);
      }
    });
    const listed = await admin.get(`/api/v1/work-orders?customerId=${customer.id}&pageSize=50`);
    const subjects = (listed.body.items as Array<{ subject: string }>).map((o) => o.subject).sort();
    expect(subjects).toEqual(bodies.filter((_, i) => i % 6 !== 2 && i % 6 !== 4).map((b) => b.subject).sort());
    const numbers = replies.filter((r) => r.status === 201).map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(12);
  });
});

describe('one batch', () => {
  async function actorOf(id: string): Promise<Actor> {
    const user = await server.database.db.selectFrom('users').select(['id', 'username', 'display_name', 'role']).where('id', '=', id).executeTakeFirstOrThrow();
    const teams = await server.database.db.selectFrom('team_members').select('team_id').where('user_id', '=', id).execute();
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role as Actor['role'],
      teamIds: teams.map((t) => t.team_id),
      leadTeamIds: [],
      customerId: null,
      via: 'session',
    };
  }

  const makeCtx =
    (actor: Actor, lang: 'zh-CN' | 'en'): MakeCtx =>
    (tx, afterCommit) => ({ actor, tx, lang, jobs: jobsIn(server.jobs, tx), afterCommit });

  it('writes creates submitted together in one transaction, and writes them again one by one when one of them fails', async () => {
    const customer = await createCustomer(admin);
    const service = await teamId(admin, 'service');
    const first = await actorOf((await staff(server, { role: 'agent', teams: [service] })).id);
    const second = await actorOf((await staff(server, { role: 'agent', teams: [service] })).id);
    const outsider = await staff(server, { role: 'agent' });
    const batcher = workOrderCreates(server.database);
    const body = (subject: string) => ({ typeKey: 'consultation', channel: 'phone' as const, subject, customerId: customer.id });

    // Submitted in one turn of the event loop: one batch, one transaction, one creation moment.
    const together = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        batcher.create({ actor: i % 2 ? second : first, body: body(`一起 ${i}`), makeCtx: makeCtx(i % 2 ? second : first, i % 2 ? 'en' : 'zh-CN') }),
      ),
    );
    expect(new Set(together.map((v) => v.createdAt)).size).toBe(1);
    expect(together.map((v) => v.firstContactId)).toEqual([first.id, second.id, first.id, second.id, first.id, second.id]);
    expect(together.map((v) => v.status.name)).toEqual(['新建', 'New', '新建', 'New', '新建', 'New']);
    const seq = together.map((v) => Number(v.number.split('-')[1]));
    expect(seq).toEqual(seq.map((_, i) => seq[0]! + i));

    // One create fails inside the shared transaction: the others are written again alone.
    const repair = await teamId(admin, 'repair');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        batcher.create({
          actor: first,
          body: i === 2 ? { ...body('坏的'), teamId: repair, assigneeId: outsider.id } : body(`重写 ${i}`),
          makeCtx: makeCtx(first, 'zh-CN'),
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason.code).toBe('ASSIGNEE_NOT_IN_TEAM');
    const written = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    // Written one by one: each its own transaction.
    expect(new Set(written.map((v) => v.createdAt)).size).toBe(4);
    const listed = await admin.get(`/api/v1/work-orders?customerId=${customer.id}&pageSize=50`);
    expect(listed.body.total).toBe(10);
    expect((listed.body.items as Array<{ subject: string }>).some((o) => o.subject === '坏的')).toBe(false);
    // The failed batch's numbers were handed back: the rewritten ones follow the first batch.
    const rewritten = written.map((v) => Number(v.number.split('-')[1])).sort((a, b) => a - b);
    expect(rewritten).toEqual([1, 2, 3, 4].map((k) => seq[5]! + k));
  });

  it('gives orders created together one shared SLA timer, which still fires the steps of each order', async () => {
    const { agent, typeKey } = await escalationTeam(server, admin);
    await topPolicy(admin, {
      match: { typeKeys: [typeKey] },
      targets: [{ clock: 'firstResponse', seconds: 2 }],
      escalations: [{ clock: 'firstResponse', atPercent: 50, actions: [{ type: 'notifyAssignee' }] }],
    });
    const customer = await createCustomer(admin);
    const actor = await actorOf(agent.id);
    const batcher = workOrderCreates(server.database);
    const orders = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        batcher.create({
          actor,
          body: { typeKey, channel: 'phone', subject: `同一计时 ${i}`, customerId: customer.id, assigneeId: agent.id },
          makeCtx: makeCtx(actor, 'zh-CN'),
        }),
      ),
    );
    const ids = orders.map((o) => o.id);
    const clocks = await server.database.db.selectFrom('work_order_sla_clocks').select(['work_order_id', 'job_id']).where('work_order_id', 'in', ids).execute();
    expect(clocks).toHaveLength(4);
    const jobIds = new Set(clocks.map((c) => c.job_id));
    expect(jobIds.size).toBe(1);
    const job = await sql<{ data: { workOrderIds: string[] } }>`select data from pgboss.job where id = ${[...jobIds][0]}::uuid`.execute(server.database.db);
    expect(new Set(job.rows[0]!.data.workOrderIds)).toEqual(new Set(ids));

    // The first order is answered in time; the other three warn and breach, once each.
    await admin.post(`/api/v1/work-orders/${ids[0]}/replies`, { body: '已收到', internal: false });
    const stepsOf = async (id: string) => (await slaEvents(admin, id)).map((e) => e.kind).filter((k) => k === 'warning' || k === 'breach');
    const done = await waitFor(async () => ((await Promise.all(ids.slice(1).map(stepsOf))).every((k) => k.includes('breach')) ? true : null), 10_000);
    expect(done).toBe(true);
    await sleep(1500);
    expect(await stepsOf(ids[0]!)).toEqual([]);
    for (const id of ids.slice(1)) expect(await stepsOf(id)).toEqual(['warning', 'breach']);
    expect((await clocksOf(admin, ids[0]!)).firstResponse.state).toBe('met');
  }, 30_000);
});

describe('reference checks', () => {
  it('look each reference up by its key instead of reading a whole table per statement', async () => {
    const customers = await Promise.all(Array.from({ length: 3 }, () => createCustomer(admin)));
    const records = refRecords(customers.map((c) => ({ typeKey: 'repair', customerId: c.id, contactId: c.id, assetId: c.id, teamId: c.id })));
    // An EXISTS here once became a hashed subplan over all customers (and contacts,
    // assets, teams): every create batch read the whole table.
    const { rows } = await sql<{ 'QUERY PLAN': string }>`
      explain (verbose) select ${refChecksColumns(refColumns())}
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
        as x(i int, type_key text, customer_id uuid, contact_id uuid, asset_id uuid, team_id uuid)`.execute(server.database.db);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('SubPlan');
    expect(plan).not.toMatch(/hashed/i);
  });
});
