/**
 * The calendar used until an administrator defines one: Monday to Friday,
 * 09:00–12:00 and 13:30–18:00 in Asia/Shanghai, with the holidays and adjusted
 * working days passed in (the calendars module passes every shipped year of the
 * Chinese schedule; see src/modules/calendars/shippedHolidays.ts).
 */
import type { Calendar, WorkingInterval } from './calendar.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface CalendarDates {
  holidays: readonly string[];
  workdays: readonly string[];
}

const NO_DATES: CalendarDates = Object.freeze({ holidays: [], workdays: [] });
const memo = new WeakMap<CalendarDates, Calendar>();

/** The same frozen object for the same `dates` object, so its compiled form is cached across calls. */
export function defaultCalendar(dates: CalendarDates = NO_DATES): Calendar {
  const cached = memo.get(dates);
  if (cached) return cached;
  const office: readonly WorkingInterval[] = Object.freeze([
    Object.freeze({ start: '09:00', end: '12:00' }),
    Object.freeze({ start: '13:30', end: '18:00' }),
  ]);
  const calendar: Calendar = Object.freeze({
    timeZone: DEFAULT_TIME_ZONE,
    weekly: Object.freeze({ 0: [], 1: office, 2: office, 3: office, 4: office, 5: office, 6: [] }),
    holidays: Object.freeze([...dates.holidays].sort()),
    workdays: Object.freeze([...dates.workdays].sort()),
  });
  memo.set(dates, calendar);
  return calendar;
}
