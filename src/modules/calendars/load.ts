/**
 * The calendar an SLA clock counts in: a stored business calendar as the pure
 * library's Calendar value. Null or an unknown id means the default calendar
 * (the one marked default; the library's default with the shipped holidays if
 * none is stored).
 * An archived calendar still loads, so policies that use it keep their clocks.
 */
import { sql } from 'kysely';
import type { Calendar, Weekday, WorkingInterval } from '../../lib/businessTime/index.ts';
import type { Tx } from '../../lib/context.ts';
import { shippedDefaultCalendar } from './shippedHolidays.ts';

interface Memo {
  version: string;
  calendar: Calendar;
}

// The library compiles a calendar once per object; handing out the same object for an
// unchanged calendar keeps work order creates from recompiling it every time.
const memo = new Map<string, Memo>();
const MAX_MEMO = 200;

export async function loadCalendar(tx: Tx, calendarId: string | null): Promise<Calendar> {
  const id = calendarId && UUID.test(calendarId) ? calendarId : null;
  let q = tx
    .selectFrom('business_calendars')
    .select(['id', 'time_zone', 'weekly', 'workday_hours', 'updated_at'])
    .orderBy(sql`is_default`, 'asc')
    .limit(1);
  // Asking for a calendar and the default in one query: the asked-for one sorts first.
  q = id ? q.where((eb) => eb.or([eb('id', '=', id), eb('is_default', '=', true)])) : q.where('is_default', '=', true);
  const row = await q.executeTakeFirst();
  if (!row) return shippedDefaultCalendar();
  const version = `${row.updated_at.getTime()}|${row.time_zone}|${JSON.stringify(row.weekly)}|${JSON.stringify(row.workday_hours)}`;
  const cached = memo.get(row.id);
  if (cached?.version === version) return cached.calendar;
  const dates = await tx
    .selectFrom('business_calendar_dates')
    .select(['date', 'kind'])
    .where('calendar_id', '=', row.id)
    .orderBy('date')
    .execute();
  const calendar = toCalendar(row, dates);
  if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value!);
  memo.set(row.id, { version, calendar });
  return calendar;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stored rows → the library value, frozen because the library caches by object. */
export function toCalendar(
  row: { time_zone: string; weekly: Record<Weekday, WorkingInterval[]>; workday_hours: WorkingInterval[] | null },
  dates: ReadonlyArray<{ date: string; kind: 'holiday' | 'workday' }>,
): Calendar {
  const weekly = Object.freeze({
    0: row.weekly[0] ?? [],
    1: row.weekly[1] ?? [],
    2: row.weekly[2] ?? [],
    3: row.weekly[3] ?? [],
    4: row.weekly[4] ?? [],
    5: row.weekly[5] ?? [],
    6: row.weekly[6] ?? [],
  });
  return Object.freeze({
    timeZone: row.time_zone,
    weekly,
    ...(row.workday_hours ? { workdayHours: row.workday_hours } : {}),
    holidays: Object.freeze(dates.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: Object.freeze(dates.filter((d) => d.kind === 'workday').map((d) => d.date)),
  });
}
