/**
 * SLA clocks through the API: which policy an order gets, when each clock is met,
 * pausing while the order waits on the customer, and business-time due moments
 * across closed days of a stored calendar.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, customerUser, staff, teamId } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';
import { clocksOf, newType, sleep, slaEvents, timelineTypes, topPolicy, waitFor } from '../../../test/slaKit.ts';

let server: TestServer;
let admin: Client;
let service: string;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  service = await teamId(admin, 'service');
});
afterAll(() => server?.close());

const HOUR = 3600;
const move = (client: Client, id: string, to: string) => client.post(`/api/v1/work-orders/${id}/transitions`, { to });
const reply = (client: Client, id: string, body = '您好，已收到') => client.post(`/api/v1/work-orders/${id}/replies`, { body, internal: false });
const ms = (iso: string) => new Date(iso).getTime();

describe('policy matching', () => {
  it('gives each order the first active policy in position order whose lists all contain its values', async () => {
    const typeKey = await newType(admin, service);
    const urgentOnly = await topPolicy(admin, { match: { typeKeys: [typeKey], priorities: ['urgent'] }, targets: [{ clock: 'firstResponse', seconds: 600 }] });
    const anyPriority = await topPolicy(admin, { match: { typeKeys: [typeKey] }, targets: [{ clock: 'firstResponse', seconds: 1200 }] });
    // anyPriority is now first: it wins for every priority.
    const customer = await createCustomer(admin);
    const first = await createWorkOrder(admin, customer.id, { typeKey, priority: 'urgent' });
    expect((await admin.get(`/api/v1/work-orders/${first.id}/sla`)).body.policy).toEqual({ id: anyPriority.id, name: anyPriority.name });

    const ids = (await admin.get('/api/v1/sla/policies')).body.items.map((p: { id: string }) => p.id);
    const reordered = [urgentOnly.id, ...ids.filter((id: string) => id !== urgentOnly.id)];
    expect((await admin.post('/api/v1/sla/policies/order', { ids: reordered })).status).toBe(200);
    const urgent = await createWorkOrder(admin, customer.id, { typeKey, priority: 'urgent' });
    const normal = await createWorkOrder(admin, customer.id, { typeKey, priority: 'normal' });
    expect((await admin.get(`/api/v1/work-orders/${urgent.id}/sla`)).body.policy.id).toBe(urgentOnly.id);
    expect((await admin.get(`/api/v1/work-orders/${normal.id}/sla`)).body.policy.id).toBe(anyPriority.id);
    const clocks = await clocksOf(admin, urgent.id);
    expect(clocks.firstResponse.targetSeconds).toBe(600);
    expect(ms(clocks.firstResponse.dueAt) - ms(clocks.firstResponse.startedAt)).toBe(600_000);

    // Archived policies no longer match; tiers match the customer's service tier.
    await admin.patch(`/api/v1/sla/policies/${urgentOnly.id}`, { active: false });
    const later = await createWorkOrder(admin, customer.id, { typeKey, priority: 'urgent' });
    expect((await admin.get(`/api/v1/work-orders/${later.id}/sla`)).body.policy.id).toBe(anyPriority.id);
  });

  it('uses the seeded examples: chat 60 s, repair callback 30 min, complaint reply 24 h, diamond customers tighter, a default for the rest', async () => {
    const customer = await createCustomer(admin);
    const chat = await createWorkOrder(admin, customer.id, { channel: 'chat' });
    const chatClocks = await clocksOf(admin, chat.id);
    expect(chatClocks.firstResponse).toMatchObject({ mode: 'calendar', targetSeconds: 60, state: 'running' });
    expect(ms(chatClocks.firstResponse.dueAt) - ms(chatClocks.firstResponse.startedAt)).toBe(60_000);

    const repair = await createWorkOrder(admin, customer.id, { typeKey: 'repair' });
    expect((await clocksOf(admin, repair.id)).callback).toMatchObject({ mode: 'calendar', targetSeconds: 1800 });

    const complaint = await createWorkOrder(admin, customer.id, { typeKey: 'complaint', subject: '投诉' });
    const complaintClocks = await clocksOf(admin, complaint.id);
    expect(complaintClocks.complaintReply).toMatchObject({ mode: 'calendar', targetSeconds: 86400 });
    // The complaint record shows the same first-reply deadline as the SLA clock.
    const record = (await admin.get(`/api/v1/work-orders/${complaint.id}/complaint`)).body;
    expect(record.firstReply.dueAt).toBe(complaintClocks.complaintReply.dueAt);

    const vip = await createCustomer(admin, { tier: 'diamond' });
    const vipOrder = await createWorkOrder(admin, vip.id);
    const vipView = (await admin.get(`/api/v1/work-orders/${vipOrder.id}/sla`)).body;
    expect(vipView.policy.name).toContain('钻石');
    const plain = await createWorkOrder(admin, customer.id);
    const plainView = (await admin.get(`/api/v1/work-orders/${plain.id}/sla`)).body;
    expect(plainView.policy.name).toBe('默认');
    const target = (view: any, clock: string) => view.clocks.find((c: any) => c.clock === clock).targetSeconds;
    expect(target(vipView, 'firstResponse')).toBeLessThan(target(plainView, 'firstResponse'));
  });

  it('re-matches when the priority changes: running clocks keep their start and take the new target', async () => {
    const typeKey = await newType(admin, service);
    const slow = await topPolicy(admin, { match: { typeKeys: [typeKey], priorities: ['normal'] }, targets: [{ clock: 'resolution', seconds: 10 * HOUR }] });
    const fast = await topPolicy(admin, { match: { typeKeys: [typeKey], priorities: ['high'] }, targets: [{ clock: 'resolution', seconds: HOUR }, { clock: 'firstResponse', seconds: 600 }] });
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey });
    const before = await clocksOf(admin, order.id);
    expect((await admin.get(`/api/v1/work-orders/${order.id}/sla`)).body.policy.id).toBe(slow.id);
    expect((await admin.patch(`/api/v1/work-orders/${order.id}`, { priority: 'high' })).status).toBe(200);
    const after = await clocksOf(admin, order.id);
    expect((await admin.get(`/api/v1/work-orders/${order.id}/sla`)).body.policy.id).toBe(fast.id);
    expect(after.resolution.startedAt).toBe(before.resolution.startedAt);
    expect(ms(after.resolution.dueAt) - ms(after.resolution.startedAt)).toBe(HOUR * 1000);
    expect(after.firstResponse.startedAt).toBe(before.resolution.startedAt);
    expect((await slaEvents(admin, order.id)).map((e) => e.kind)).toContain('retarget');
    expect(await timelineTypes(admin, order.id)).toContain('sla.policyChanged');
  });
});

describe('policy admin API', () => {
  it('lets only administrators write, with clear codes, and audits each change', async () => {
    const agent = await staff(server, { teams: [service] });
    const body = { name: '测试策略', targets: [{ clock: 'firstResponse', seconds: 60, mode: 'calendar' }] };
    expect((await agent.get('/api/v1/sla/policies')).status).toBe(200);
    expect((await agent.post('/api/v1/sla/policies', body)).status).toBe(403);

    const bad = async (patch: Record<string, unknown>, code: string) => {
      const res = await admin.post('/api/v1/sla/policies', { ...body, ...patch });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe(code);
    };
    await bad({ targets: [{ clock: 'firstResponse', seconds: 0, mode: 'calendar' }] }, 'VALIDATION_FAILED');
    await bad({ targets: [{ clock: 'firstResponse', seconds: 1.5, mode: 'calendar' }] }, 'VALIDATION_FAILED');
    await bad({ targets: [body.targets[0], body.targets[0]] }, 'SLA_TARGET_DUPLICATE');
    await bad({ escalations: [{ clock: 'resolution', atPercent: 80, actions: [{ type: 'notifyAssignee' }] }] }, 'SLA_ESCALATION_WITHOUT_TARGET');
    await bad({ escalations: [{ clock: 'firstResponse', atPercent: 1001, actions: [{ type: 'notifyAssignee' }] }] }, 'VALIDATION_FAILED');
    await bad({ match: { tierIds: ['platinum'] } }, 'SLA_MATCH_UNKNOWN');
    await bad({ match: { typeKeys: ['nope'] } }, 'SLA_MATCH_UNKNOWN');
    await bad({ calendarId: '00000000-0000-4000-8000-000000000001' }, 'SLA_CALENDAR_UNKNOWN');
    await bad({ unknown: 1 }, 'VALIDATION_FAILED');
    const count = (await admin.get('/api/v1/sla/policies')).body.items.length;

    const created = await admin.post('/api/v1/sla/policies', { ...body, match: { channels: ['email'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '测试策略', active: true, calendarId: null, position: count + 1, match: { tierIds: [], typeKeys: [], priorities: [], channels: ['email'] } });
    expect((await agent.patch(`/api/v1/sla/policies/${created.body.id}`, { active: false })).status).toBe(403);
    const archived = await admin.patch(`/api/v1/sla/policies/${created.body.id}`, { active: false });
    expect(archived.body.active).toBe(false);
    expect((await admin.patch('/api/v1/sla/policies/00000000-0000-4000-8000-000000000001', { active: false })).body.error.code).toBe('SLA_POLICY_NOT_FOUND');
    const mismatch = await admin.post('/api/v1/sla/policies/order', { ids: [created.body.id] });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('SLA_REORDER_MISMATCH');
    expect((await admin.get('/api/v1/sla/policies')).body.items).toHaveLength(count + 1);

    const audit = await server.database.db
      .selectFrom('events')
      .select('type')
      .where('type', 'like', 'config.slaPolic%')
      .where(({ ref }) => ref('data', '->>').key('entityId' as never), '=', created.body.id)
      .execute();
    expect(audit.map((a) => a.type)).toEqual(['config.slaPolicyCreated', 'config.slaPolicyUpdated']);
  });
});

describe('clocks of an order', () => {
  it('meets first response with the first public staff reply, not with a note or the customer', async () => {
    const typeKey = await newType(admin, service);
    await topPolicy(admin, { match: { typeKeys: [typeKey] }, targets: [{ clock: 'firstResponse', seconds: HOUR }, { clock: 'nextResponse', seconds: HOUR }, { clock: 'callback', seconds: HOUR }] });
    const customer = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const order = await createWorkOrder(admin, customer.id, { typeKey });
    expect(Object.keys(await clocksOf(admin, order.id)).sort()).toEqual(['callback', 'firstResponse']);
    await admin.post(`/api/v1/work-orders/${order.id}/replies`, { body: '内部备注', internal: true });
    await reply(portal, order.id, '还没人联系我');
    let clocks = await clocksOf(admin, order.id);
    expect(clocks.firstResponse.state).toBe('running');
    expect(clocks.nextResponse).toBeUndefined();

    await reply(admin, order.id);
    clocks = await clocksOf(admin, order.id);
    expect(clocks.firstResponse).toMatchObject({ state: 'met', breachedAt: null });
    expect(clocks.firstResponse.stoppedAt).not.toBeNull();
    expect(clocks.callback.state).toBe('met');
    expect(await timelineTypes(admin, order.id)).toContain('sla.met');

    // Next response: each customer message after the first response starts one; the staff answer meets it.
    await reply(portal, order.id, '还有一个问题');
    clocks = await clocksOf(admin, order.id);
    expect(clocks.nextResponse.state).toBe('running');
    const firstCycle = clocks.nextResponse.startedAt;
    await reply(portal, order.id, '补充一下');
    expect((await clocksOf(admin, order.id)).nextResponse.startedAt).toBe(firstCycle);
    await reply(admin, order.id);
    expect((await clocksOf(admin, order.id)).nextResponse.state).toBe('met');
    await reply(portal, order.id, '又有新问题');
    const second = (await clocksOf(admin, order.id)).nextResponse;
    expect(second.state).toBe('running');
    expect(ms(second.startedAt)).toBeGreaterThan(ms(firstCycle));
  });

  it('meets resolution and handling when resolved and starts a new resolution cycle on reopen', async () => {
    const typeKey = await newType(admin, service);
    await topPolicy(admin, { match: { typeKeys: [typeKey] }, targets: [{ clock: 'resolution', seconds: HOUR }, { clock: 'handling', seconds: HOUR }] });
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey });
    await move(admin, order.id, 'in_progress');
    expect((await move(admin, order.id, 'resolved')).status).toBe(200);
    let clocks = await clocksOf(admin, order.id);
    expect(clocks.resolution.state).toBe('met');
    expect(clocks.handling.state).toBe('met');
    const list = (await admin.get(`/api/v1/work-orders?typeKey=${typeKey}`)).body.items[0];
    expect(list).toMatchObject({ slaState: 'met', slaDueAt: null });

    await move(admin, order.id, 'in_progress');
    clocks = await clocksOf(admin, order.id);
    expect(clocks.resolution.state).toBe('running');
    expect(clocks.handling.state).toBe('met');
    const events = await slaEvents(admin, order.id);
    expect(events.filter((e) => e.clock === 'resolution').map((e) => e.kind)).toEqual(['start', 'fulfil', 'start']);
  });

  it('pauses every clock while the order waits on the customer: time spent pending does not count', async () => {
    const typeKey = await newType(admin, service);
    await topPolicy(admin, { match: { typeKeys: [typeKey] }, targets: [{ clock: 'resolution', seconds: HOUR }, { clock: 'firstResponse', seconds: HOUR }] });
    const customer = await createCustomer(admin);
    const portal = await customerUser(server, customer.id);
    const order = await createWorkOrder(admin, customer.id, { typeKey });
    const before = await clocksOf(admin, order.id);
    await move(admin, order.id, 'in_progress');
    await move(admin, order.id, 'waiting_customer');
    const paused = await clocksOf(admin, order.id);
    expect(paused.resolution).toMatchObject({ state: 'paused', dueAt: null });
    expect(paused.resolution.pausedSince).not.toBeNull();
    const listed = (await admin.get(`/api/v1/work-orders?typeKey=${typeKey}`)).body.items[0];
    expect(listed).toMatchObject({ slaState: 'paused', slaDueAt: null });
    await sleep(1500);
    // The customer's answer reopens the order and resumes the clocks.
    await reply(portal, order.id, '这是您要的信息');
    const resumed = await clocksOf(admin, order.id);
    expect(resumed.resolution.state).toBe('running');
    const shift = ms(resumed.resolution.dueAt) - ms(before.resolution.dueAt);
    expect(resumed.resolution.startedAt).toBe(before.resolution.startedAt);
    expect(shift).toBeGreaterThanOrEqual(1500);
    expect(shift).toBeLessThan(5000);
    const kinds = (await slaEvents(admin, order.id)).filter((e) => e.clock === 'resolution').map((e) => e.kind);
    expect(kinds).toEqual(['start', 'pause', 'resume']);
    const pause = (await slaEvents(admin, order.id)).filter((e) => e.clock === 'resolution');
    expect(shift).toBe(ms(pause[2]!.at) - ms(pause[1]!.at));
  });

  it('is staff-only: another team gets 404, customers get 404', async () => {
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id);
    const other = await staff(server, { teams: [await teamId(admin, 'quality')] });
    const portal = await customerUser(server, customer.id);
    for (const path of ['sla', 'sla/events']) {
      expect((await other.get(`/api/v1/work-orders/${order.id}/${path}`)).status).toBe(404);
      expect((await portal.get(`/api/v1/work-orders/${order.id}/${path}`)).status).toBe(404);
    }
    expect((await portal.get('/api/v1/sla/breaches')).status).toBe(403);
  });
});

describe('business time in a stored calendar', () => {
  const shanghaiDate = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);
  const midnightShanghai = (date: string) => new Date(`${date}T00:00:00+08:00`).getTime();

  it('counts only open hours: holidays and closed weekdays push the due moment to the next working time', async () => {
    // Open round the clock every day, but today and tomorrow are holidays.
    const allDay = [{ start: '00:00', end: '24:00' }];
    const weekly = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, allDay]));
    const cal = await admin.post('/api/v1/calendars', {
      name: `节假日测试${Date.now()}`,
      weekly,
      dates: [
        { date: shanghaiDate(0), kind: 'holiday', name: '假日' },
        { date: shanghaiDate(1), kind: 'holiday', name: '假日' },
      ],
    });
    expect(cal.status, JSON.stringify(cal.body)).toBe(201);
    const typeKey = await newType(admin, service);
    await topPolicy(admin, { calendarId: cal.body.id, match: { typeKeys: [typeKey] }, targets: [{ clock: 'resolution', seconds: 90, mode: 'business' }, { clock: 'firstResponse', seconds: 90 }] });
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey });
    const clocks = await clocksOf(admin, order.id);
    expect(ms(clocks.resolution.dueAt)).toBe(midnightShanghai(shanghaiDate(2)) + 90_000);
    // The calendar-mode clock ignores the calendar.
    expect(ms(clocks.firstResponse.dueAt) - ms(clocks.firstResponse.startedAt)).toBe(90_000);

    // A week open only on the weekday three days from now: the clock waits for that day.
    const openDay = new Date(midnightShanghai(shanghaiDate(3)) + 8 * 3600_000).getUTCDay();
    const weekOf = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, d === openDay ? [{ start: '09:00', end: '10:00' }] : []]));
    const cal2 = await admin.post('/api/v1/calendars', { name: `单日历${Date.now()}`, weekly: weekOf });
    const typeKey2 = await newType(admin, service);
    await topPolicy(admin, { calendarId: cal2.body.id, match: { typeKeys: [typeKey2] }, targets: [{ clock: 'resolution', seconds: 3600 + 60, mode: 'business' }] });
    const order2 = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey: typeKey2 });
    // One hour on that day, then the same weekday a week later at 09:01.
    expect(ms((await clocksOf(admin, order2.id)).resolution.dueAt)).toBe(midnightShanghai(shanghaiDate(10)) + 9 * 3600_000 + 60_000);
  });
});

describe('a calendar change', () => {
  it('moves the due time and the timer of running business clocks counting in it', async () => {
    const shanghaiDate = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);
    const allDay = [{ start: '00:00', end: '24:00' }];
    const weekly = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, allDay]));
    const cal = await admin.post('/api/v1/calendars', {
      name: `改日历${Date.now()}`,
      weekly,
      dates: [
        { date: shanghaiDate(0), kind: 'holiday', name: '假日' },
        { date: shanghaiDate(1), kind: 'holiday', name: '假日' },
      ],
    });
    expect(cal.status, JSON.stringify(cal.body)).toBe(201);
    const typeKey = await newType(admin, service);
    await topPolicy(admin, { calendarId: cal.body.id, match: { typeKeys: [typeKey] }, targets: [{ clock: 'resolution', seconds: 4, mode: 'business' }] });
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey });
    const before = (await clocksOf(admin, order.id)).resolution;
    expect(ms(before.dueAt)).toBeGreaterThan(Date.now() + 86400_000);

    // The holidays are taken back: the clock counted from its start, due in seconds now, and it breaches then.
    expect((await admin.patch(`/api/v1/calendars/${cal.body.id}`, { dates: [] })).status).toBe(200);
    const moved = await waitFor(async () => {
      const clock = (await clocksOf(admin, order.id)).resolution;
      return ms(clock.dueAt) === ms(before.startedAt) + 4000 ? clock : null;
    }, 10_000);
    expect(moved).not.toBeNull();
    expect(await waitFor(async () => ((await clocksOf(admin, order.id)).resolution.state === 'breached' ? true : null), 15_000)).toBe(true);
  }, 40_000);
});

describe('complaint first reply', () => {
  it('keeps one deadline: the complaint record shows the SLA clock, and a corrected receipt time moves both', async () => {
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey: 'complaint', subject: '投诉服务态度' });
    const clock = (await clocksOf(admin, order.id)).complaintReply;
    expect(clock).toMatchObject({ mode: 'calendar', targetSeconds: 24 * HOUR, state: 'running' });
    const url = `/api/v1/work-orders/${order.id}/complaint`;
    expect((await admin.get(url)).body.firstReply.dueAt).toBe(clock.dueAt);

    const twoDaysAgo = new Date(Date.now() - 48 * HOUR * 1000);
    const patched = await admin.patch(url, { receivedAt: twoDaysAgo.toISOString() });
    expect(patched.status).toBe(200);
    const moved = (await clocksOf(admin, order.id)).complaintReply;
    expect(moved.startedAt).toBe(twoDaysAgo.toISOString());
    expect(ms(moved.dueAt)).toBe(twoDaysAgo.getTime() + 24 * HOUR * 1000);
    expect(patched.body.firstReply).toMatchObject({ dueAt: moved.dueAt, state: 'overdue' });
    // Its timer is already past due: the breach is logged at once.
    expect(await waitFor(async () => ((await clocksOf(admin, order.id)).complaintReply.state === 'breached' ? true : null), 8000)).toBe(true);
    expect((await admin.get(url)).body.firstReply.dueAt).toBe(moved.dueAt);

    await reply(admin, order.id, '已联系客户致歉');
    expect((await admin.get(url)).body.firstReply.state).toBe('overdue');
    expect((await clocksOf(admin, order.id)).complaintReply.stoppedAt).not.toBeNull();
  });
});

describe('re-matching on the customer tier', () => {
  it('moves open orders to the diamond policy when the customer becomes diamond, keeping their start', async () => {
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id);
    const before = (await admin.get(`/api/v1/work-orders/${order.id}/sla`)).body;
    expect(before.policy.name).toBe('默认');
    const res = await admin.patch(`/api/v1/customers/${customer.id}`, { tier: 'diamond' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = (await admin.get(`/api/v1/work-orders/${order.id}/sla`)).body;
    expect(after.policy.name).toContain('钻石');
    const first = after.clocks.find((c: { clock: string }) => c.clock === 'firstResponse');
    expect(first).toMatchObject({ targetSeconds: 1800, startedAt: before.clocks[0].startedAt });
    // The diamond policy's callback target starts from the order's creation too.
    expect(after.clocks.find((c: { clock: string }) => c.clock === 'callback')?.startedAt).toBe(before.clocks[0].startedAt);
  });
});

describe('targets beyond the calendar', () => {
  it('still creates the order when a business target lies beyond what the calendar can reach; that clock has no due time', async () => {
    const weekly = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, d === 3 ? [{ start: '09:00', end: '09:30' }] : []]));
    const cal = await admin.post('/api/v1/calendars', { name: `每周半小时${Date.now()}`, weekly });
    expect(cal.status).toBe(201);
    const typeKey = await newType(admin, service);
    await topPolicy(admin, { calendarId: cal.body.id, match: { typeKeys: [typeKey] }, targets: [{ clock: 'resolution', seconds: 366 * 24 * HOUR, mode: 'business' }, { clock: 'firstResponse', seconds: HOUR }] });
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey });
    const clocks = await clocksOf(admin, order.id);
    expect(clocks.resolution).toMatchObject({ state: 'running', dueAt: null });
    expect(clocks.firstResponse.dueAt).not.toBeNull();
    expect((await reply(admin, order.id)).status).toBe(201);
  });
});

describe('what SLA records refer to', () => {
  it('is never deleted: work orders, clocks, policies and calendars refuse DELETE and TRUNCATE', async () => {
    const typeKey = await newType(admin, service);
    const policy = await topPolicy(admin, { match: { typeKeys: [typeKey] }, targets: [{ clock: 'firstResponse', seconds: 600 }] });
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { typeKey });
    const db = server.database.db;
    const refused = { code: '23001' };
    await expect(db.deleteFrom('sla_policies').where('id', '=', policy.id).execute()).rejects.toMatchObject(refused);
    await expect(db.deleteFrom('work_order_sla_clocks').where('work_order_id', '=', order.id).execute()).rejects.toMatchObject(refused);
    await expect(db.deleteFrom('work_orders').where('id', '=', order.id).execute()).rejects.toMatchObject(refused);
    await expect(db.deleteFrom('business_calendars').where('is_default', '=', true).execute()).rejects.toMatchObject(refused);
    await expect(sql`truncate work_order_sla_clocks cascade`.execute(db)).rejects.toMatchObject(refused);
    // Nothing went: the order still shows its clock under its policy.
    const sla = (await admin.get(`/api/v1/work-orders/${order.id}/sla`)).body;
    expect(sla.policy.id).toBe(policy.id);
    expect(sla.clocks.map((c: { clock: string }) => c.clock)).toEqual(['firstResponse']);
  });
});
