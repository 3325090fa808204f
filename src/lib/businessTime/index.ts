/**
 * Business time for SLAs: calendars with working hours, holidays and adjusted
 * working days in any IANA time zone; arithmetic on instants with millisecond
 * precision; pausable SLA clocks; the Chinese holiday data format and the import format.
 * Pure code without a database or files (src/modules/calendars reads the holiday
 * data and passes it in); everything here is safe to call from commands and jobs.
 */
export {
  addBusinessSeconds,
  addCalendarSeconds,
  businessSecondsBetween,
  calendarSecondsBetween,
  isWorkingTime,
  nextWorkingMoment,
} from './arithmetic.ts';
export {
  type Calendar,
  type CalendarInput,
  CalendarSchema,
  IsoDateSchema,
  parseCalendar,
  WEEKDAYS,
  type Weekday,
  withDates,
  type WorkingInterval,
  WorkingIntervalSchema,
} from './calendar.ts';
export { type HolidayFile, HolidayFileSchema, holidayDates, parseHolidayFile } from './chineseHolidays.ts';
export { type Clock, type ClockMode, type ClockSpec, createClock, type Pause } from './clock.ts';
export { type CalendarDates, DEFAULT_TIME_ZONE, defaultCalendar } from './defaultCalendar.ts';
export { BusinessTimeError, type BusinessTimeErrorCode } from './errors.ts';
export { type DatedEntry, formatHolidayImport, type HolidayImport, type ImportProblem, parseHolidayImport } from './holidayImport.ts';
export { MAX_SPAN_DAYS } from './spans.ts';
export { fromLocalMs, isValidTimeZone, offsetMs, toLocalMs } from './timeZone.ts';
