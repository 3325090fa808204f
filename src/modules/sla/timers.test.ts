/**
 * SLA timers on the real job queue: warnings and breaches fire at their moment
 * (not by a sweep), escalation actions take effect once, a met or paused clock
 * does not breach, and the queue filters and sorts by the SLA due time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, staff, teamId } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';
import { clocksOf, escalationTeam, sleep, slaEvents, timelineTypes, topPolicy, waitFor } from '../../../test/slaKit.ts';
import { slaTimerJob } from './timerJob.ts';

let server: TestServer;
let admin: Client;
let customerId: string;
let chatOrder: { id: string };
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  customerId = (await createCustomer(admin)).id;
  // The seeded 60-second chat target; checked by the last test once its minute is up.
  chatOrder = await createWorkOrder(admin, customerId, { channel: 'chat', subject: '在线咨询' });
});
afterAll(() => server?.close());

const ms = (iso: string) => new Date(iso).getTime();
const notificationsOf = (workOrderId: string) =>
  server.database.db.selectFrom('notifications').select(['user_id', 'kind']).where('work_order_id', '=', workOrderId).execute();

describe('escalation', () => {
  it('warns at 50 %, breaches at the due moment, and runs each step once: notify, reassign to the lead, raise priority', async () => {
    const { agent, lead, typeKey } = await escalationTeam(server, admin);
    await topPolicy(admin, {
      match: { typeKeys: [typeKey] },
      targets: [{ clock: 'firstResponse', seconds: 3 }],
      escalations: [
        { clock: 'firstResponse', atPercent: 50, actions: [{ type: 'notifyAssignee' }] },
        { clock: 'firstResponse', atPercent: 100, actions: [{ type: 'notifyTeamLead' }, { type: 'reassignToTeamLead' }, { type: 'raisePriority' }] },
      ],
    });
    const order = await createWorkOrder(admin, customerId, { typeKey, assigneeId: agent.id, priority: 'normal' });
    const started = await clocksOf(admin, order.id);
    expect(ms(started.firstResponse.dueAt) - ms(started.firstResponse.startedAt)).toBe(3000);

    const breached = await waitFor(async () => {
      const c = (await clocksOf(admin, order.id)).firstResponse;
      return c.state === 'breached' ? c : null;
    }, 10_000);
    expect(breached).toBeTruthy();
    expect(breached.breachedAt).toBe(started.firstResponse.dueAt);
    expect(ms(breached.warnedAt)).toBeGreaterThanOrEqual(ms(started.firstResponse.startedAt) + 1500);
    expect(ms(breached.warnedAt)).toBeLessThan(ms(started.firstResponse.dueAt));

    const log = (await admin.get('/api/v1/sla/breaches?clock=firstResponse')).body.items.filter((b: { workOrderId: string }) => b.workOrderId === order.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ number: order.number, clock: 'firstResponse', dueAt: started.firstResponse.dueAt, assigneeId: agent.id });
    // The timer ran at its moment: within the queue's half-second polling (plus a loaded machine's slack).
    expect(ms(log[0].breachedAt)).toBeGreaterThanOrEqual(ms(started.firstResponse.dueAt));
    expect(ms(log[0].breachedAt) - ms(started.firstResponse.dueAt)).toBeLessThan(2500);

    // Give any duplicate run the chance to happen, then count.
    await sleep(2000);
    const view = (await admin.get(`/api/v1/work-orders/${order.id}`)).body;
    expect(view.assignee.id).toBe(lead.id);
    expect(view.priority).toBe('high');
    const notes = await notificationsOf(order.id);
    expect(notes.filter((n) => n.kind === 'slaWarning').map((n) => n.user_id)).toEqual([agent.id]);
    expect(notes.filter((n) => n.kind === 'slaBreach').map((n) => n.user_id)).toEqual([lead.id]);
    const kinds = (await slaEvents(admin, order.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'warning')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'breach')).toHaveLength(1);
    const timeline = await timelineTypes(admin, order.id);
    expect(timeline.filter((t) => t === 'sla.warning')).toHaveLength(1);
    expect(timeline.filter((t) => t === 'sla.breached')).toHaveLength(1);
    expect(timeline).toContain('workOrder.transferred');
    expect(timeline.filter((t) => t === 'workOrder.updated')).toHaveLength(1);

    // Answering late still stops the clock; it stays breached (met late).
    await admin.post(`/api/v1/work-orders/${order.id}/replies`, { body: '抱歉久等', internal: false });
    const late = (await clocksOf(admin, order.id)).firstResponse;
    expect(late.state).toBe('breached');
    expect(late.stoppedAt).not.toBeNull();
  }, 30_000);

  it('does not breach a clock met in time, nor one paused while waiting on the customer', async () => {
    const { agent, typeKey } = await escalationTeam(server, admin);
    await topPolicy(admin, {
      match: { typeKeys: [typeKey] },
      targets: [{ clock: 'firstResponse', seconds: 2 }, { clock: 'resolution', seconds: 2 }],
      escalations: [{ clock: 'resolution', atPercent: 100, actions: [{ type: 'raisePriority' }] }],
    });
    const met = await createWorkOrder(admin, customerId, { typeKey, assigneeId: agent.id });
    await admin.post(`/api/v1/work-orders/${met.id}/replies`, { body: '马上处理', internal: false });
    await admin.post(`/api/v1/work-orders/${met.id}/transitions`, { to: 'resolved' });
    const paused = await createWorkOrder(admin, customerId, { typeKey, assigneeId: agent.id });
    await admin.post(`/api/v1/work-orders/${paused.id}/transitions`, { to: 'waiting_customer' });
    await sleep(3500);
    expect((await clocksOf(admin, met.id)).firstResponse.state).toBe('met');
    expect((await clocksOf(admin, paused.id)).resolution.state).toBe('paused');
    expect((await slaEvents(admin, met.id)).some((e) => e.kind === 'breach')).toBe(false);
    expect((await slaEvents(admin, paused.id)).some((e) => e.kind === 'breach')).toBe(false);
    expect((await admin.get(`/api/v1/work-orders/${paused.id}`)).body.priority).toBe('normal');

    // Resumed, the paused clock breaches two counted seconds later.
    const resumedAt = Date.now();
    await admin.post(`/api/v1/work-orders/${paused.id}/transitions`, { to: 'in_progress' });
    const breached = await waitFor(async () => ((await clocksOf(admin, paused.id)).resolution.state === 'breached' ? true : null), 8000);
    expect(breached).toBe(true);
    const clock = (await clocksOf(admin, paused.id)).resolution;
    expect(ms(clock.breachedAt) - resumedAt).toBeGreaterThanOrEqual(1500);
    expect((await admin.get(`/api/v1/work-orders/${paused.id}`)).body.priority).toBe('high');
  }, 30_000);
});

describe('timers queued by an earlier version', () => {
  it('still fire: a per-clock timer breaches its clock once, and the per-order timer it replaced does nothing', async () => {
    const { typeKey } = await escalationTeam(server, admin);
    await topPolicy(admin, {
      match: { typeKeys: [typeKey] },
      targets: [{ clock: 'firstResponse', seconds: 2 }],
      escalations: [{ clock: 'firstResponse', atPercent: 100, actions: [{ type: 'raisePriority' }] }],
    });
    const order = await createWorkOrder(admin, customerId, { typeKey, priority: 'normal' });
    const clock = await server.database.db.selectFrom('work_order_sla_clocks').select(['id', 'due_at']).where('work_order_id', '=', order.id).executeTakeFirstOrThrow();
    // As an upgraded installation has it: the clock waits for a job of the old kind.
    const legacy = await server.jobs.send(slaTimerJob, { clockId: clock.id, percent: 100 }, { startAfter: clock.due_at! });
    await server.database.db.updateTable('work_order_sla_clocks').set({ job_id: legacy }).where('id', '=', clock.id).execute();

    const breached = await waitFor(async () => ((await clocksOf(admin, order.id)).firstResponse.state === 'breached' ? true : null), 10_000);
    expect(breached).toBe(true);
    await sleep(1500);
    expect((await slaEvents(admin, order.id)).filter((e) => e.kind === 'breach')).toHaveLength(1);
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.priority).toBe('high');
  }, 30_000);
});

describe('queue and breach log', () => {
  it('filters the queue by breached and due soon and sorts by the SLA due time', async () => {
    const { typeKey, teamId: team } = await escalationTeam(server, admin);
    await topPolicy(admin, { match: { typeKeys: [typeKey], priorities: ['low'] }, targets: [{ clock: 'resolution', seconds: 1 }] });
    await topPolicy(admin, { match: { typeKeys: [typeKey], priorities: ['normal'] }, targets: [{ clock: 'resolution', seconds: 1800 }] });
    await topPolicy(admin, { match: { typeKeys: [typeKey], priorities: ['high'] }, targets: [{ clock: 'resolution', seconds: 900 }] });
    const late = await createWorkOrder(admin, customerId, { typeKey, priority: 'low' });
    const soon = await createWorkOrder(admin, customerId, { typeKey, priority: 'normal' });
    const sooner = await createWorkOrder(admin, customerId, { typeKey, priority: 'high' });
    await waitFor(async () => ((await clocksOf(admin, late.id)).resolution.state === 'breached' ? true : null), 8000);

    const ids = async (query: string) => (await admin.get(`/api/v1/work-orders?typeKey=${typeKey}&${query}`)).body.items.map((i: { id: string }) => i.id);
    expect(await ids('sla=breached')).toEqual([late.id]);
    expect(await ids('sla=dueSoon&sort=slaDue&order=asc')).toEqual([sooner.id, soon.id]);
    expect(await ids('sort=slaDue&order=asc')).toEqual([late.id, sooner.id, soon.id]);
    const item = (await admin.get(`/api/v1/work-orders?typeKey=${typeKey}&sla=breached`)).body.items[0];
    expect(item.slaState).toBe('breached');
    expect((await admin.get('/api/v1/work-orders?sla=nope')).status).toBe(400);

    // The breach log follows work order visibility: the team sees it, another team does not.
    const member = await staff(server, { teams: [team] });
    const outsider = await staff(server, { teams: [await teamId(admin, 'quality')] });
    const mine = (await member.get(`/api/v1/sla/breaches?teamId=${team}`)).body;
    expect(mine.items.map((b: { workOrderId: string }) => b.workOrderId)).toEqual([late.id]);
    expect((await outsider.get(`/api/v1/sla/breaches?teamId=${team}`)).body.items).toEqual([]);
  }, 30_000);
});

describe('the seeded 60-second chat target', () => {
  it('breaches the chat order at its 60th second', async () => {
    const start = await clocksOf(admin, chatOrder.id);
    const due = ms(start.firstResponse.dueAt);
    expect(due - ms(start.firstResponse.startedAt)).toBe(60_000);
    await sleep(Math.max(0, due - Date.now() - 1500));
    expect((await clocksOf(admin, chatOrder.id)).firstResponse.state).toBe('running');
    const breached = await waitFor(async () => ((await clocksOf(admin, chatOrder.id)).firstResponse.state === 'breached' ? true : null), 8000);
    expect(breached).toBe(true);
    const log = (await admin.get('/api/v1/sla/breaches')).body.items.find((b: { workOrderId: string }) => b.workOrderId === chatOrder.id);
    expect(ms(log.breachedAt) - due).toBeGreaterThanOrEqual(0);
    expect(ms(log.breachedAt) - due).toBeLessThan(2500);
    expect(await timelineTypes(admin, chatOrder.id)).toContain('sla.breached');
  }, 90_000);
});

describe('saved views', () => {
  it('keep the SLA filter and the SLA due sort', async () => {
    const filters = { view: 'all', sla: 'dueSoon', sort: 'slaDue', order: 'asc' };
    const res = await admin.post('/api/v1/saved-views', { name: 'SLA 即将到期', filters });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.filters).toEqual(filters);
    expect((await admin.post('/api/v1/saved-views', { name: '错', filters: { sla: 'late' } })).status).toBe(400);
  });
});
