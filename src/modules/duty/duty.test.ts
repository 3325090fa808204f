import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, customerUser, shanghaiDay, staff, teamId, unique } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
let admin: Client;
let customerId: string;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  customerId = (await createCustomer(admin)).id;
});
afterAll(() => server?.close());

type Person = Client & { id: string };
const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6];

/** A fresh team with `techs` technicians (sorted by id: the round-robin order), a lead and a plain agent. */
async function setupTeam(techs = 3) {
  const team = (await admin.post('/api/v1/teams', { name: unique('值班组') })).body;
  const people: Person[] = [];
  for (let i = 0; i < techs; i++) people.push(await staff(server, { role: 'technician', teams: [team.id] }));
  const lead = await staff(server, { role: 'agent', teams: [team.id] });
  const agent = await staff(server, { role: 'agent', teams: [team.id] });
  const members = [...people, agent].map((p) => ({ userId: p.id, isLead: false }));
  const res = await admin.put(`/api/v1/teams/${team.id}/members`, { members: [...members, { userId: lead.id, isLead: true }] });
  expect(res.status).toBe(200);
  return { id: team.id as string, techs: people.sort((a, b) => (a.id < b.id ? -1 : 1)), lead, agent };
}

async function addShift(client: Client, teamId: string, body: Record<string, unknown>) {
  const res = await client.post(`/api/v1/duty/teams/${teamId}/shifts`, { name: unique('班'), weekdays: ALL_WEEK, ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

/** A shift around the clock every day with these people in the weekly pattern. */
async function allDayShift(client: Client, teamId: string, userIds: string[]) {
  const shift = await addShift(client, teamId, { startTime: '00:00', endTime: '24:00' });
  for (const weekday of ALL_WEEK) expect((await client.put(`/api/v1/duty/shifts/${shift.id}/pattern/${weekday}`, { userIds })).status).toBe(200);
  return shift;
}

const route = (client: Client, teamId: string, mode: string, typeKeys = ['repair']) =>
  client.put(`/api/v1/duty/teams/${teamId}/routing`, { mode, typeKeys });

const repair = (teamId: string, overrides: Record<string, unknown> = {}) =>
  createWorkOrder(admin, customerId, { typeKey: 'repair', teamId, subject: unique('报修'), ...overrides });

const timeline = async (id: string) => (await admin.get(`/api/v1/work-orders/${id}/timeline`)).body.items as Array<{ type: string; actor: unknown; data: any }>;

/** The current hour of the day in Asia/Shanghai (no daylight saving). */
const shanghaiHour = () => new Date(Date.now() + 8 * 3600_000).getUTCHours();
const hh = (h: number) => `${String(((h % 24) + 24) % 24).padStart(2, '0')}:00`;

describe('routing new repair orders to the staff on duty', () => {
  it('round robin over three on-duty technicians gives 6 orders 2/2/2 in turn, assigned by the system with the normal event and a notification', async () => {
    const team = await setupTeam(3);
    await allDayShift(team.lead, team.id, team.techs.map((t) => t.id));
    expect((await route(team.lead, team.id, 'roundRobin')).status).toBe(200);

    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(await repair(team.id));
    const expected = [0, 1, 2, 0, 1, 2].map((i) => team.techs[i]!.id);
    expect(orders.map((o) => o.assigneeId)).toEqual(expected);

    const first = orders[0]!;
    const detail = (await admin.get(`/api/v1/work-orders/${first.id}`)).body;
    expect(detail.assignee.id ?? detail.assigneeId).toBe(team.techs[0]!.id);
    expect(first.status.key).toBe('assigned');
    const assigned = (await timeline(first.id)).find((e) => e.type === 'workOrder.assigned');
    expect(assigned).toMatchObject({ actor: null, data: { reason: '值班分派', to: { teamId: team.id, assigneeId: team.techs[0]!.id } } });

    const notes = await server.database.db
      .selectFrom('notifications')
      .select(['user_id', 'work_order_id'])
      .where('kind', '=', 'dutyNewOrder')
      .where('work_order_id', 'in', orders.map((o) => o.id))
      .execute();
    expect(notes.map((n) => `${n.work_order_id}:${n.user_id}`).sort()).toEqual(orders.map((o, i) => `${o.id}:${expected[i]}`).sort());

    // The technician sees the routed order in their own queue.
    const mine = await team.techs[1]!.get(`/api/v1/work-orders/${orders[1]!.id}`);
    expect(mine.status).toBe(200);
  });

  it('least open picks the on-duty member with the fewest open orders, ties to the lowest id', async () => {
    const team = await setupTeam(3);
    const [a, b, c] = team.techs as [Person, Person, Person];
    // a has two open orders, b one, c none (given by hand: not routed).
    for (const who of [a, a, b]) await createWorkOrder(admin, customerId, { typeKey: 'consultation', teamId: team.id, assigneeId: who.id });
    await allDayShift(admin, team.id, [a.id, b.id, c.id]);
    expect((await route(admin, team.id, 'leastOpen')).status).toBe(200);

    expect((await repair(team.id)).assigneeId).toBe(c.id);
    // Now b and c both have one: the lower id wins.
    expect((await repair(team.id)).assigneeId).toBe([b.id, c.id].sort()[0]);
  });

  it('never routes to members off duty: outside their shift hours or on no shift at all', async () => {
    const team = await setupTeam(3);
    const [onDuty, laterShift, noShift] = team.techs as [Person, Person, Person];
    await allDayShift(team.lead, team.id, [onDuty.id]);
    const h = shanghaiHour();
    const later = await addShift(team.lead, team.id, { startTime: hh(h + 3), endTime: hh(h + 5) });
    for (const weekday of ALL_WEEK) await team.lead.put(`/api/v1/duty/shifts/${later.id}/pattern/${weekday}`, { userIds: [laterShift.id] });
    await route(team.lead, team.id, 'roundRobin');

    const assignees = [];
    for (let i = 0; i < 4; i++) assignees.push((await repair(team.id)).assigneeId);
    expect(assignees).toEqual([onDuty.id, onDuty.id, onDuty.id, onDuty.id]);
    expect(assignees).not.toContain(noShift.id);

    const now = (await team.agent.get(`/api/v1/duty/teams/${team.id}/on-duty`)).body;
    expect(now.people.map((p: { id: string }) => p.id)).toEqual([onDuty.id]);
  });

  it('leaves an order unassigned in the team queue with a timeline note when nobody is on duty', async () => {
    const team = await setupTeam(2);
    const shift = await addShift(team.lead, team.id, { startTime: '00:00', endTime: '24:00' }); // nobody in the pattern
    await route(team.lead, team.id, 'roundRobin');
    const order = await repair(team.id);
    expect(order.assigneeId).toBeNull();
    expect(order.teamId).toBe(team.id);
    expect(order.status.key).toBe('new');
    const events = await timeline(order.id);
    expect(events.find((e) => e.type === 'duty.unrouted')).toMatchObject({ actor: null, data: { reason: 'nobodyOnDuty' } });
    expect(events.map((e) => e.type)).not.toContain('workOrder.assigned');
    const notes = await server.database.db.selectFrom('notifications').select('id').where('work_order_id', '=', order.id).where('kind', '=', 'dutyNewOrder').execute();
    expect(notes).toEqual([]);

    // Someone joins the shift today: the next order goes to them.
    const [tech] = team.techs as [Person];
    for (const date of [shanghaiDay(0), shanghaiDay(1)]) {
      expect((await team.lead.put(`/api/v1/duty/shifts/${shift.id}/overrides/${date}`, { userIds: [tech.id] })).status).toBe(200);
    }
    expect((await repair(team.id)).assigneeId).toBe(tech.id);
  });

  it('routes only the types the team chose, and leaves orders created with an assignee alone', async () => {
    const team = await setupTeam(2);
    const [a, b] = team.techs as [Person, Person];
    await allDayShift(team.lead, team.id, [a.id]);
    await route(team.lead, team.id, 'roundRobin', ['repair']);
    const consultation = await createWorkOrder(admin, customerId, { typeKey: 'consultation', teamId: team.id });
    expect(consultation.assigneeId).toBeNull();
    expect((await timeline(consultation.id)).map((e) => e.type)).toEqual(['workOrder.created']);
    const given = await repair(team.id, { assigneeId: b.id });
    expect(given.assigneeId).toBe(b.id);

    await route(team.lead, team.id, 'off');
    expect((await repair(team.id)).assigneeId).toBeNull();
  });

  it('routes a repair a customer reports in the portal to the seeded repair team (维修中心) technician on duty', async () => {
    const repairTeam = await teamId(admin, 'repair');
    const tech = await staff(server, { role: 'technician', teams: [repairTeam] });
    await allDayShift(admin, repairTeam, [tech.id]);
    expect((await route(admin, repairTeam, 'leastOpen')).status).toBe(200);
    const portal = await customerUser(server, customerId);
    const res = await portal.post('/api/v1/work-orders', { typeKey: 'repair', subject: '打印机卡纸' });
    expect(res.status).toBe(201);
    const order = (await admin.get(`/api/v1/work-orders/${res.body.id}`)).body;
    expect(order.assignee?.id ?? order.assigneeId).toBe(tech.id);
    // The customer sees their order move to 已分派, not who or how (the assignment event is internal).
    const theirs = (await portal.get(`/api/v1/work-orders/${res.body.id}/timeline`)).body.items.map((e: { type: string }) => e.type);
    expect(theirs).toEqual(['workOrder.created', 'workOrder.statusChanged']);
  });

  it('keeps round robin fair under 20 parallel creates: 5 orders each for four technicians', async () => {
    const team = await setupTeam(4);
    await allDayShift(team.lead, team.id, team.techs.map((t) => t.id));
    await route(team.lead, team.id, 'roundRobin');
    const orders = await Promise.all(Array.from({ length: 20 }, () => repair(team.id)));
    const counts = new Map<string, number>();
    for (const o of orders) counts.set(o.assigneeId, (counts.get(o.assigneeId) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(team.techs.map((t) => t.id));
    expect([...counts.values()]).toEqual([5, 5, 5, 5]);
  });
});

describe('the roster', () => {
  it('an overnight shift covers 02:00 the next morning from the previous date roster, not midday', async () => {
    const team = await setupTeam(2);
    const [a, b] = team.techs as [Person, Person];
    const night = await addShift(team.lead, team.id, { name: '夜班', startTime: '22:00', endTime: '06:00' });
    expect(night).toMatchObject({ startTime: '22:00', endTime: '06:00', overnight: true });
    for (const weekday of ALL_WEEK) await team.lead.put(`/api/v1/duty/shifts/${night.id}/pattern/${weekday}`, { userIds: [a.id] });
    // b swaps in for the night starting Wednesday 2030-01-02.
    await team.lead.put(`/api/v1/duty/shifts/${night.id}/overrides/2030-01-02`, { userIds: [b.id], note: '换班' });

    const at = async (iso: string) =>
      ((await team.agent.get(`/api/v1/duty/teams/${team.id}/on-duty?at=${encodeURIComponent(iso)}`)).body.people as Array<{ id: string; until: string }>);
    expect((await at('2030-01-02T02:00:00+08:00')).map((p) => p.id)).toEqual([a.id]); // Tuesday's night
    expect((await at('2030-01-02T12:00:00+08:00'))).toEqual([]);
    expect((await at('2030-01-02T23:30:00+08:00')).map((p) => p.id)).toEqual([b.id]);
    const early = await at('2030-01-03T02:00:00+08:00');
    expect(early.map((p) => p.id)).toEqual([b.id]); // still Wednesday's (overridden) night
    expect(early[0]!.until).toBe(new Date('2030-01-03T06:00:00+08:00').toISOString());
    expect((await at('2030-01-03T06:00:00+08:00'))).toEqual([]);
  });

  it('a date override replaces the weekly pattern for that date only, and can be cleared', async () => {
    const team = await setupTeam(2);
    const [a, b] = team.techs as [Person, Person];
    const shift = await allDayShift(team.lead, team.id, [a.id]);
    const today = shanghaiDay(0);
    const tomorrow = shanghaiDay(1);
    for (const date of [today, tomorrow]) {
      expect((await team.lead.put(`/api/v1/duty/shifts/${shift.id}/overrides/${date}`, { userIds: [b.id], note: '调班' })).status).toBe(200);
    }
    await route(team.lead, team.id, 'roundRobin');
    expect((await repair(team.id)).assigneeId).toBe(b.id);
    expect((await repair(team.id)).assigneeId).toBe(b.id);

    const roster = (await team.agent.get(`/api/v1/duty/teams/${team.id}/roster?from=${today}&days=3`)).body;
    expect(roster.canManage).toBe(false);
    expect(roster.days.map((d: any) => [d.date, d.userIds, d.overridden])).toEqual([
      [today, [b.id], true],
      [tomorrow, [b.id], true],
      [shanghaiDay(2), [a.id], false],
    ]);

    for (const date of [today, tomorrow]) expect((await team.lead.delete(`/api/v1/duty/shifts/${shift.id}/overrides/${date}`)).status).toBe(200);
    expect((await repair(team.id)).assigneeId).toBe(a.id);
  });

  it('shows my duty schedule', async () => {
    const team = await setupTeam(1);
    const [a] = team.techs as [Person];
    const shift = await addShift(team.lead, team.id, { name: '早班', startTime: '08:00', endTime: '16:00', weekdays: [1, 3] });
    await team.lead.put(`/api/v1/duty/shifts/${shift.id}/pattern/1`, { userIds: [a.id] });
    const res = await a.get('/api/v1/duty/me?from=2030-01-06&days=7'); // Sunday to Saturday
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ date: '2030-01-07', teamId: team.id, shiftName: '早班', startsAt: new Date('2030-01-07T08:00:00+08:00').toISOString() }),
    ]);
  });

  it('only the team lead, managers and admins edit; other staff read; nothing is written on refusal', async () => {
    const team = await setupTeam(1);
    const [a] = team.techs as [Person];
    const shift = await allDayShift(team.lead, team.id, [a.id]);
    const other = await setupTeam(1); // a lead of another team

    for (const client of [team.agent, a, other.lead]) {
      const put = await client.put(`/api/v1/duty/shifts/${shift.id}/pattern/1`, { userIds: [] });
      expect(put.status).toBe(403);
      expect(put.body.error.code).toBe('DUTY_MANAGE_FORBIDDEN');
      expect((await client.post(`/api/v1/duty/teams/${team.id}/shifts`, { name: 'x', startTime: '08:00', endTime: '09:00' })).status).toBe(403);
      expect((await route(client, team.id, 'roundRobin')).status).toBe(403);
      expect((await client.put(`/api/v1/duty/shifts/${shift.id}/overrides/2030-01-01`, { userIds: [] })).status).toBe(403);
    }
    const roster = (await team.agent.get(`/api/v1/duty/teams/${team.id}/roster?from=2030-01-07&days=1`)).body;
    expect(roster.shifts).toHaveLength(1);
    expect(roster.days).toEqual([expect.objectContaining({ userIds: [a.id], overridden: false })]);
    expect(roster.routing.mode).toBe('off');

    const portal = await customerUser(server, customerId);
    expect((await portal.get(`/api/v1/duty/teams/${team.id}/roster`)).status).toBe(403);
    expect((await portal.get(`/api/v1/duty/teams/${team.id}/on-duty`)).status).toBe(403);

    const manager = await staff(server, { role: 'manager' });
    expect((await manager.put(`/api/v1/duty/shifts/${shift.id}/pattern/1`, { userIds: [] })).status).toBe(200);
  });

  it('refuses people outside the team, unknown types and time zones, and unknown teams and shifts', async () => {
    const team = await setupTeam(1);
    const shift = await addShift(team.lead, team.id, { startTime: '08:00', endTime: '17:00' });
    const outsider = await staff(server, { role: 'technician' });
    const bad = await team.lead.put(`/api/v1/duty/shifts/${shift.id}/pattern/1`, { userIds: [outsider.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('DUTY_USER_NOT_IN_TEAM');
    expect((await team.lead.put(`/api/v1/duty/teams/${team.id}/routing`, { mode: 'roundRobin', typeKeys: ["nope"] })).body.error.code).toBe('DUTY_TYPE_UNKNOWN');
    expect((await team.lead.put(`/api/v1/duty/teams/${team.id}/routing`, { mode: 'roundRobin', typeKeys: [], timeZone: "Mars/Base" })).body.error.code).toBe(
      'DUTY_TIME_ZONE_INVALID',
    );
    expect((await team.lead.post(`/api/v1/duty/teams/${team.id}/shifts`, { name: 'x', startTime: '25:00', endTime: '09:00' })).status).toBe(400);
    expect((await admin.get(`/api/v1/duty/teams/${crypto.randomUUID()}/roster`)).status).toBe(404);
    expect((await admin.patch(`/api/v1/duty/shifts/${crypto.randomUUID()}`, { name: 'x' })).status).toBe(404);
    const roster = (await admin.get(`/api/v1/duty/teams/${team.id}/roster?from=2030-01-07&days=1`)).body;
    expect(roster.pattern).toEqual([]);
    expect(roster.routing).toMatchObject({ mode: 'off', typeKeys: [] });
  });
});
