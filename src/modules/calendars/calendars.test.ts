import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from '../../../test/harness.ts';
import { startServer } from '../../../test/harness.ts';
import { createCustomer, customerUser, staff, unique } from '../../../test/factories.ts';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

const office = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '18:00' },
];
const weekdays = { 0: [], 1: office, 2: office, 3: office, 4: office, 5: office, 6: [] };

async function createCalendar(overrides: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/calendars', { name: unique('日历'), timeZone: 'Asia/Shanghai', weekly: weekdays, ...overrides });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function due(id: string, start: string, seconds: number, client: Client = admin) {
  const res = await client.post(`/api/v1/calendars/${id}/compute`, { start, seconds });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.dueAt as string;
}

async function auditTypes(id: string): Promise<string[]> {
  const rows = await server.database.db.selectFrom('events').select('type').where('subject_id', '=', id).orderBy('id').execute();
  return rows.map((r) => r.type);
}

describe('business calendars', () => {
  it('lists the seeded default calendar with the shipped holidays; staff read it, customers do not', async () => {
    const agent = await staff(server, { role: 'agent' });
    const list = await agent.get('/api/v1/calendars');
    expect(list.status).toBe(200);
    const standard = list.body.items.find((c: { isDefault: boolean }) => c.isDefault);
    expect(standard).toMatchObject({ name: '标准工作日历', timeZone: 'Asia/Shanghai', archived: false });
    expect(standard.holidayCount).toBeGreaterThan(30);
    const view = await agent.get(`/api/v1/calendars/${standard.id}`);
    expect(view.body.weekly['1']).toEqual(office);
    expect(view.body.dates).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' });

    const shipped = await agent.get('/api/v1/calendars/shipped-holidays');
    expect(shipped.body.items.map((y: { year: number; provisional: boolean }) => [y.year, y.provisional])).toEqual([
      [2026, false],
      [2027, true],
    ]);
    expect(shipped.body.items[0].text).toContain('2026-10-10,workday,国庆节调休上班');

    const customer = await customerUser(server, (await createCustomer(admin)).id);
    expect((await customer.get('/api/v1/calendars')).status).toBe(403);
    expect((await customer.get(`/api/v1/calendars/${standard.id}`)).status).toBe(403);
  });

  it('admin creates and edits a calendar; every change is audited; non-admins are refused and nothing is written', async () => {
    const created = await createCalendar({ dates: [{ date: '2026-12-31', kind: 'holiday', name: '年终盘点' }] });
    expect(created).toMatchObject({ isDefault: false, holidayCount: 1, workdayCount: 0, lastDate: '2026-12-31' });

    const edited = await admin.patch(`/api/v1/calendars/${created.id}`, {
      weekly: { ...weekdays, 6: [{ start: '10:00', end: '16:00' }] },
      dates: [{ date: '2027-01-04', kind: 'holiday', name: '' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.weekly['6']).toEqual([{ start: '10:00', end: '16:00' }]);
    expect(edited.body.dates).toEqual([{ date: '2027-01-04', kind: 'holiday', name: '' }]);

    for (const role of ['manager', 'agent'] as const) {
      const user = await staff(server, { role });
      expect((await user.post('/api/v1/calendars', { name: unique('x'), weekly: weekdays })).status).toBe(403);
      expect((await user.patch(`/api/v1/calendars/${created.id}`, { name: 'hijacked' })).status).toBe(403);
      expect((await user.post(`/api/v1/calendars/${created.id}/import`, { text: '2027-02-01,holiday,x' })).status).toBe(403);
      expect((await user.post(`/api/v1/calendars/${created.id}/import/preview`, { text: '2027-02-01,holiday,x' })).status).toBe(403);
    }
    const reread = await admin.get(`/api/v1/calendars/${created.id}`);
    expect(reread.body.name).toBe(created.name);
    expect(reread.body.dates).toHaveLength(1);

    const events = await server.database.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('subject_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['calendar.created', 'calendar.updated']);
    expect(events[1]!.data).toMatchObject({
      dates: { addedCount: 1, removedCount: 1, added: [{ date: '2027-01-04' }], removed: [{ date: '2026-12-31' }] },
    });
  });

  it('refuses invalid calendars with codes and writes nothing', async () => {
    const name = unique('坏日历');
    const tz = await admin.post('/api/v1/calendars', { name, timeZone: 'Mars/Olympus', weekly: weekdays });
    expect(tz.status).toBe(400);
    expect(tz.body.error.code).toBe('CALENDAR_TIME_ZONE_INVALID');

    const overlap = await admin.post('/api/v1/calendars', {
      name,
      weekly: { ...weekdays, 1: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '14:00' }] },
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.code).toBe('CALENDAR_INVALID');
    expect(overlap.body.error.details.issues[0]).toMatchObject({ path: 'weekly.1' });

    // Sunday's night shift runs into Monday morning and collides with Monday 01:00–05:00
    const spill = await admin.post('/api/v1/calendars', {
      name,
      weekly: { ...weekdays, 0: [{ start: '22:00', end: '06:00' }], 1: [{ start: '01:00', end: '05:00' }] },
    });
    expect(spill.body.error.code).toBe('CALENDAR_INVALID');

    const empty = await admin.post('/api/v1/calendars', { name, weekly: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } });
    expect(empty.body.error.code).toBe('CALENDAR_INVALID');

    const twice = await admin.post('/api/v1/calendars', {
      name,
      weekly: weekdays,
      dates: [
        { date: '2027-01-01', kind: 'holiday', name: '' },
        { date: '2027-01-01', kind: 'workday', name: '' },
      ],
    });
    expect(twice.body.error.code).toBe('CALENDAR_DATE_DUPLICATE');

    const badTime = await admin.post('/api/v1/calendars', { name, weekly: { ...weekdays, 1: [{ start: '9:00', end: '25:00' }] } });
    expect(badTime.status).toBe(400);
    expect(badTime.body.error.code).toBe('VALIDATION_FAILED');

    const list = await admin.get('/api/v1/calendars?includeArchived=true');
    expect(list.body.items.some((c: { name: string }) => c.name === name)).toBe(false);

    const existing = await createCalendar();
    const taken = await admin.post('/api/v1/calendars', { name: existing.name, weekly: weekdays });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CALENDAR_NAME_TAKEN');
  });

  it('counts overnight hours: a shift 22:00–06:00 continues after midnight', async () => {
    const nights = [{ start: '22:00', end: '06:00' }];
    const calendar = await createCalendar({ weekly: { 0: [], 1: nights, 2: nights, 3: nights, 4: nights, 5: nights, 6: [] } });
    // Monday 2026-11-23 21:00 Shanghai = 13:00Z; 3 h → 22:00–01:00 → Tuesday 01:00 Shanghai
    expect(await due(calendar.id, '2026-11-23T13:00:00Z', 3 * 3600)).toBe('2026-11-23T17:00:00.000Z');
    // Friday night's shift runs into Saturday 06:00; the next one starts Monday 22:00
    expect(await due(calendar.id, '2026-11-27T21:00:00Z', 2 * 3600)).toBe('2026-11-30T15:00:00.000Z');
  });

  it('an adjusted working day (调休) counts, a holiday does not', async () => {
    const calendar = await createCalendar({
      dates: [
        { date: '2027-03-01', kind: 'holiday', name: '公司假日' },
        { date: '2027-03-06', kind: 'workday', name: '调休上班' },
      ],
    });
    // Friday 2027-02-26 17:00 Shanghai + 2 h: 1 h Friday, Saturday and Sunday off, Monday 03-01 is a holiday → Tuesday 10:00
    expect(await due(calendar.id, '2027-02-26T09:00:00Z', 2 * 3600)).toBe('2027-03-02T02:00:00.000Z');
    // Friday 2027-03-05 17:00 + 2 h: Saturday 03-06 is an adjusted working day with Monday's hours → Saturday 10:00
    expect(await due(calendar.id, '2027-03-05T09:00:00Z', 2 * 3600)).toBe('2027-03-06T02:00:00.000Z');
  });

  it('counts in the calendar time zone, here Europe/Berlin across the change to summer time', async () => {
    const nineToFive = [{ start: '09:00', end: '17:00' }];
    const calendar = await createCalendar({
      timeZone: 'Europe/Berlin',
      weekly: { 0: [], 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive, 6: [] },
    });
    // Friday 2027-03-26 16:00 CET (15:00Z) + 2 h: 1 h Friday; summer time from Sunday; Monday 10:00 CEST = 08:00Z
    const res = await admin.post(`/api/v1/calendars/${calendar.id}/compute`, { start: '2027-03-26T16:00:00+01:00', seconds: 7200 });
    expect(res.body).toMatchObject({ dueAt: '2027-03-29T08:00:00.000Z', countingFrom: '2027-03-26T15:00:00.000Z' });
    expect(res.body.calendarSeconds).toBe(3 * 86400 - 7 * 3600);

    // the same start given on Berlin's wall clock; answers come back on it too
    const local = await admin.post(`/api/v1/calendars/${calendar.id}/compute`, { localStart: '2027-03-26T16:00', seconds: 7200 });
    expect(local.body).toMatchObject({
      dueAt: '2027-03-29T08:00:00.000Z',
      timeZone: 'Europe/Berlin',
      local: { start: '2027-03-26 16:00:00', dueAt: '2027-03-29 10:00:00', countingFrom: '2027-03-26 16:00:00' },
    });
    const both = await admin.post(`/api/v1/calendars/${calendar.id}/compute`, { seconds: 1 });
    expect(both.status).toBe(400);

    const berlin = await admin.patch(`/api/v1/calendars/${calendar.id}`, { timeZone: 'Asia/Tokyo' });
    expect(berlin.body.timeZone).toBe('Asia/Tokyo');
    // the change applies at once: Monday 09:00 Tokyo = 00:00Z
    expect(await due(calendar.id, '2027-03-28T12:00:00Z', 60)).toBe('2027-03-29T00:01:00.000Z');
  });

  it('previews an import with per-line errors before applying; applying merges and is audited', async () => {
    const calendar = await createCalendar({ dates: [{ date: '2027-02-10', kind: 'holiday', name: '旧名字' }] });
    const broken = ['date,type,name', '2027-02-09,holiday,春节', '2027-02-30,holiday,不存在', '2027-02-14,vacation,x', '2027-02-09,workday,重复'].join('\n');
    const preview = await admin.post(`/api/v1/calendars/${calendar.id}/import/preview`, { text: broken });
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(false);
    expect(preview.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);

    const refused = await admin.post(`/api/v1/calendars/${calendar.id}/import`, { text: broken });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('CALENDAR_IMPORT_INVALID');
    expect(refused.body.error.details.errors).toHaveLength(3);
    expect((await admin.get(`/api/v1/calendars/${calendar.id}`)).body.dates).toHaveLength(1);

    const good = '# 2027 春节\n2027-02-09,holiday,春节\n2027-02-10,holiday,春节\n2027-02-20,workday,"春节调休上班, 周六"\n';
    const ok = await admin.post(`/api/v1/calendars/${calendar.id}/import/preview`, { text: good });
    expect(ok.body).toMatchObject({
      ok: true,
      errors: [],
      added: [
        { date: '2027-02-09', kind: 'holiday', name: '春节' },
        { date: '2027-02-20', kind: 'workday', name: '春节调休上班, 周六' },
      ],
      changed: [{ date: '2027-02-10', kind: 'holiday', name: '春节', before: { kind: 'holiday', name: '旧名字' } }],
      unchanged: 0,
    });
    // a preview writes nothing
    expect((await admin.get(`/api/v1/calendars/${calendar.id}`)).body.dates).toHaveLength(1);

    const applied = await admin.post(`/api/v1/calendars/${calendar.id}/import`, { text: good });
    expect(applied.status).toBe(200);
    expect(applied.body.dates.map((d: { date: string }) => d.date)).toEqual(['2027-02-09', '2027-02-10', '2027-02-20']);
    expect(await due(calendar.id, '2027-02-19T09:00:00Z', 2 * 3600)).toBe('2027-02-20T02:00:00.000Z');
    expect(await auditTypes(calendar.id)).toEqual(['calendar.created', 'calendar.datesImported']);

    // importing the same file again changes nothing and records nothing
    await admin.post(`/api/v1/calendars/${calendar.id}/import`, { text: good });
    expect(await auditTypes(calendar.id)).toEqual(['calendar.created', 'calendar.datesImported']);
  });

  it('loads the shipped Chinese schedule of a year with one action', async () => {
    const calendar = await createCalendar();
    const preview = await admin.post(`/api/v1/calendars/${calendar.id}/import/preview`, { shippedYear: 2026 });
    expect(preview.body.ok).toBe(true);
    expect(preview.body.added.length).toBeGreaterThan(30);
    const applied = await admin.post(`/api/v1/calendars/${calendar.id}/import`, { shippedYear: 2026 });
    expect(applied.body.dates).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    const missing = await admin.post(`/api/v1/calendars/${calendar.id}/import`, { shippedYear: 2099 });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('CALENDAR_SHIPPED_YEAR_MISSING');
  });

  it('moves the default and archives; the default cannot be archived', async () => {
    const list = await admin.get('/api/v1/calendars');
    const standard = list.body.items.find((c: { isDefault: boolean }) => c.isDefault);
    const refused = await admin.patch(`/api/v1/calendars/${standard.id}`, { archived: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CALENDAR_DEFAULT_ARCHIVE');

    const other = await createCalendar();
    const made = await admin.patch(`/api/v1/calendars/${other.id}`, { isDefault: true });
    expect(made.body.isDefault).toBe(true);
    expect((await admin.get(`/api/v1/calendars/${standard.id}`)).body.isDefault).toBe(false);
    expect(await auditTypes(other.id)).toEqual(['calendar.created', 'calendar.updated']);
    expect((await auditTypes(standard.id)).at(-1)).toBe('calendar.updated');
    // back, so other tests keep the seeded default
    await admin.patch(`/api/v1/calendars/${standard.id}`, { isDefault: true });
    const archived = await admin.patch(`/api/v1/calendars/${other.id}`, { archived: true });
    expect(archived.body.archived).toBe(true);
    expect((await admin.get('/api/v1/calendars')).body.items.some((c: { id: string }) => c.id === other.id)).toBe(false);
    expect((await admin.get('/api/v1/calendars?includeArchived=true')).body.items.some((c: { id: string }) => c.id === other.id)).toBe(true);
    const archivedDefault = await admin.patch(`/api/v1/calendars/${other.id}`, { isDefault: true });
    expect(archivedDefault.body.error.code).toBe('CALENDAR_ARCHIVED');
  });

  it('compute: staff may check a due time; unknown calendars are 404', async () => {
    const agent = await staff(server, { role: 'agent' });
    const standard = (await agent.get('/api/v1/calendars')).body.items.find((c: { isDefault: boolean }) => c.isDefault);
    // 国庆 2026: Wednesday 09-30 17:00 Shanghai + 2 h → 1 h, holidays 10-01..10-07, then Thursday 10-08 10:00
    expect(await due(standard.id, '2026-09-30T09:00:00Z', 7200, agent)).toBe('2026-10-08T02:00:00.000Z');
    const missing = await agent.post('/api/v1/calendars/00000000-0000-4000-8000-000000000000/compute', { start: '2026-01-01T00:00:00Z', seconds: 1 });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('CALENDAR_NOT_FOUND');
    const negative = await agent.post(`/api/v1/calendars/${standard.id}/compute`, { start: '2026-01-01T00:00:00Z', seconds: -1 });
    expect(negative.status).toBe(400);
  });
});
