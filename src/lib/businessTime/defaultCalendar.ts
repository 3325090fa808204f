/**
 * The calendar used until an administrator defines one: Monday to Friday,
 * 09:00–12:00 and 13:30–18:00 in Asia/Shanghai, with every shipped year of
 * Chinese public holidays and adjusted working days.
 */
import type { Calendar, WorkingInterval } from './calendar.ts';
import { chineseHolidayYears, loadChineseHolidays } from './chineseHolidays.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

let memo: Calendar | undefined;

/** Always the same frozen object, so its compiled form is cached across calls. */
export function defaultCalendar(): Calendar {
  if (memo) return memo;
  const office: readonly WorkingInterval[] = Object.freeze([
    Object.freeze({ start: '09:00', end: '12:00' }),
    Object.freeze({ start: '13:30', end: '18:00' }),
  ]);
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const year of chineseHolidayYears()) {
    const data = loadChineseHolidays(year);
    holidays.push(...data.holidays);
    workdays.push(...data.workdays);
  }
  memo = Object.freeze({
    timeZone: DEFAULT_TIME_ZONE,
    weekly: Object.freeze({ 0: [], 1: office, 2: office, 3: office, 4: office, 5: office, 6: [] }),
    holidays: Object.freeze(holidays),
    workdays: Object.freeze(workdays),
  });
  return memo;
}
