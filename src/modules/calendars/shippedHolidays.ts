/**
 * China's public holiday schedule shipped with the system: one reviewed JSON file
 * per year in ./holidays/ (see the README there). A new year is added by dropping
 * in cn-<year>.json; the admin then loads it into calendars from the calendar page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  BusinessTimeError,
  type Calendar,
  type CalendarDates,
  defaultCalendar,
  type HolidayFile,
  holidayDates,
  parseHolidayFile,
} from '../../lib/businessTime/index.ts';

const DATA_DIR = new URL('./holidays/', import.meta.url);

const files = new Map<number, HolidayFile>();

/** Years with a data file, ascending. */
export function chineseHolidayYears(): number[] {
  return readdirSync(DATA_DIR)
    .map((name) => /^cn-(\d{4})\.json$/.exec(name)?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The whole file for a year, including its source and status (e.g. provisional). */
export function loadChineseHolidayFile(year: number): HolidayFile {
  const cached = files.get(year);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(new URL(`cn-${year}.json`, DATA_DIR), 'utf8');
  } catch {
    throw new BusinessTimeError('NO_HOLIDAY_DATA', `no Chinese holiday data for ${year}: add src/modules/calendars/holidays/cn-${year}.json`);
  }
  const file = parseHolidayFile(JSON.parse(text), year);
  files.set(year, file);
  return file;
}

/** The dates of a year in the shape a Calendar takes. */
export function loadChineseHolidays(year: number): { holidays: string[]; workdays: string[] } {
  return holidayDates([loadChineseHolidayFile(year)]);
}

let shipped: CalendarDates | undefined;

/**
 * The library's default calendar with every shipped year: what loadCalendar falls
 * back to when no calendar is stored. Always the same object (compiled once).
 */
export function shippedDefaultCalendar(): Calendar {
  shipped ??= holidayDates(chineseHolidayYears().map(loadChineseHolidayFile));
  return defaultCalendar(shipped);
}
