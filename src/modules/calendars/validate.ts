/**
 * Checks a calendar with the business-time library's own schema (overlapping and
 * overnight hours, an empty week, dates both holiday and working day), so the
 * admin API accepts exactly what the SLA arithmetic can use.
 */
import { type Calendar, CalendarSchema, isValidTimeZone, type Weekday, type WorkingInterval } from '../../lib/businessTime/index.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import type { CalendarDate } from './schema.ts';

export interface CalendarFields {
  timeZone: string;
  weekly: Record<Weekday, WorkingInterval[]>;
  workdayHours: WorkingInterval[] | null;
  dates: ReadonlyArray<Pick<CalendarDate, 'date' | 'kind'>>;
}

export function validateCalendar(fields: CalendarFields): Calendar {
  if (!isValidTimeZone(fields.timeZone)) {
    throw new AppError('CALENDAR_TIME_ZONE_INVALID', 400, { timeZone: fields.timeZone }, { issues: [{ path: 'timeZone', message: 'unknown time zone' }] });
  }
  const seen = new Set<string>();
  for (const { date } of fields.dates) {
    if (seen.has(date)) throw invalid({ issues: [{ path: 'dates', message: `${date} is listed twice` }] }, 'CALENDAR_DATE_DUPLICATE', { date });
    seen.add(date);
  }
  const parsed = CalendarSchema.safeParse({
    timeZone: fields.timeZone,
    weekly: fields.weekly,
    ...(fields.workdayHours ? { workdayHours: fields.workdayHours } : {}),
    holidays: fields.dates.filter((d) => d.kind === 'holiday').map((d) => d.date),
    workdays: fields.dates.filter((d) => d.kind === 'workday').map((d) => d.date),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid({ issues }, 'CALENDAR_INVALID');
  }
  return parsed.data;
}
