/**
 * Business calendars: admins create, edit, archive and pick the default; staff read.
 * Calendars are archived, never deleted, because SLA policies point to them.
 */
import type { Ctx } from '../../../lib/context.ts';
import { conflict } from '../../../lib/errors.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { authorizeEdit, authorizeRead } from '../policy.ts';
import { presentSummary, presentView } from '../present.ts';
import type { CalendarSummary, CalendarView, CreateCalendarBody, UpdateCalendarBody } from '../schema.ts';
import { validateCalendar } from '../validate.ts';
import { datesDiff, findCalendar, lockCalendar, makeDefault, nameFree, readDates, replaceDates } from './store.ts';
import '../messages.ts';

export async function listCalendars(ctx: Ctx, includeArchived: boolean): Promise<CalendarSummary[]> {
  authorizeRead(ctx);
  let q = ctx.tx.selectFrom('business_calendars').selectAll().orderBy('is_default', 'desc').orderBy('name');
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const counts = await ctx.tx
    .selectFrom('business_calendar_dates')
    .select((eb) => [
      'calendar_id',
      eb.fn.countAll<number>().filterWhere('kind', '=', 'holiday').as('holidays'),
      eb.fn.countAll<number>().filterWhere('kind', '=', 'workday').as('workdays'),
      eb.fn.max('date').as('last'),
    ])
    .where('calendar_id', 'in', rows.map((r) => r.id))
    .groupBy('calendar_id')
    .execute();
  const byId = new Map(counts.map((c) => [c.calendar_id, c]));
  return rows.map((row) => {
    const c = byId.get(row.id);
    return presentSummary(row, { holidayCount: Number(c?.holidays ?? 0), workdayCount: Number(c?.workdays ?? 0), lastDate: c?.last ?? null });
  });
}

export async function getCalendar(ctx: Ctx, id: string): Promise<CalendarView> {
  authorizeRead(ctx);
  const row = await findCalendar(ctx, id);
  return presentView(row, await readDates(ctx, id));
}

export async function createCalendar(ctx: Ctx, input: CreateCalendarBody): Promise<CalendarView> {
  authorizeEdit(ctx);
  validateCalendar({ timeZone: input.timeZone, weekly: input.weekly, workdayHours: input.workdayHours ?? null, dates: input.dates });
  await nameFree(ctx, input.name);
  const row = await ctx.tx
    .insertInto('business_calendars')
    .values({
      name: input.name,
      time_zone: input.timeZone,
      weekly: JSON.stringify(input.weekly),
      workday_hours: input.workdayHours ? JSON.stringify(input.workdayHours) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceDates(ctx, row.id, input.dates);
  if (input.isDefault) await makeDefault(ctx, row.id);
  const view = await getCalendar(ctx, row.id);
  const { dates: _dates, ...summary } = view;
  await recordEvent(ctx, { subjectType: 'config', subjectId: row.id, type: 'calendar.created', data: { calendar: summary } });
  return view;
}

/** The fields an admin edits, compared before and after for the audit log. */
function auditFields(view: CalendarView) {
  return {
    name: view.name,
    timeZone: view.timeZone,
    weekly: view.weekly,
    workdayHours: view.workdayHours,
    isDefault: view.isDefault,
    archived: view.archived,
  };
}

export async function updateCalendar(ctx: Ctx, id: string, input: UpdateCalendarBody): Promise<CalendarView> {
  authorizeEdit(ctx);
  const before = await lockCalendar(ctx, id);
  const beforeDates = await readDates(ctx, id);
  const beforeView = presentView(before, beforeDates);
  const archived = input.archived ?? before.archived_at !== null;
  if (archived && (before.is_default || input.isDefault)) throw conflict(before.is_default ? 'CALENDAR_DEFAULT_ARCHIVE' : 'CALENDAR_ARCHIVED');
  const weekly = input.weekly ?? before.weekly;
  const workdayHours = input.workdayHours === undefined ? before.workday_hours : input.workdayHours;
  const timeZone = input.timeZone ?? before.time_zone;
  const dates = input.dates ?? beforeDates;
  validateCalendar({ timeZone, weekly, workdayHours, dates });
  if (input.name !== undefined) await nameFree(ctx, input.name, id);
  await ctx.tx
    .updateTable('business_calendars')
    .set({
      name: input.name ?? before.name,
      time_zone: timeZone,
      weekly: JSON.stringify(weekly),
      workday_hours: workdayHours ? JSON.stringify(workdayHours) : null,
      archived_at: archived ? (before.archived_at ?? new Date()) : null,
      // loadCalendar keys its cache on updated_at, so every change moves it
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  if (input.dates) await replaceDates(ctx, id, input.dates);
  if (input.isDefault && !before.is_default) await makeDefault(ctx, id);
  const after = await getCalendar(ctx, id);
  const changes = diff(auditFields(beforeView), auditFields(after));
  const dateChanges = input.dates ? datesDiff(beforeDates, after.dates) : null;
  if (changes || dateChanges) {
    await recordEvent(ctx, {
      subjectType: 'config',
      subjectId: id,
      type: 'calendar.updated',
      data: { name: after.name, ...(changes ?? {}), ...(dateChanges ? { dates: dateChanges } : {}) },
    });
  }
  return after;
}
