/**
 * Business-time arithmetic on instants: add working seconds, measure working
 * seconds between two instants, and the calendar-time counterparts. Millisecond
 * precision throughout; durations are given and returned in seconds.
 */
import type { Calendar } from './calendar.ts';
import { DAY_MS } from './days.ts';
import { BusinessTimeError } from './errors.ts';
import { MAX_SPAN_DAYS, workingSpans } from './spans.ts';

function instant(value: Date, name: string): number {
  const ms = value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}

function durationMs(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('seconds must be a finite number ≥ 0');
  return Math.round(seconds * 1000);
}

/** Adds `ms` of working time to `fromMs`; the earliest instant by which that much has elapsed. */
export function addBusinessMs(calendar: Calendar, fromMs: number, ms: number): number {
  if (ms === 0) return fromMs;
  let left = ms;
  let sawWorkingTime = false;
  for (const [s, e] of workingSpans(calendar, fromMs)) {
    sawWorkingTime = true;
    if (e - s >= left) return s + left;
    left -= e - s;
  }
  const from = new Date(fromMs).toISOString();
  if (!sawWorkingTime) {
    throw new BusinessTimeError('NO_WORKING_TIME', `the calendar has no working time in ${MAX_SPAN_DAYS} days after ${from}`);
  }
  throw new BusinessTimeError('SPAN_TOO_LONG', `the result lies more than ${MAX_SPAN_DAYS} days after ${from}`);
}

/** Working milliseconds in [fromMs, toMs); negative when toMs is before fromMs. */
export function businessMsBetween(calendar: Calendar, fromMs: number, toMs: number): number {
  if (toMs < fromMs) return -businessMsBetween(calendar, toMs, fromMs);
  if (toMs - fromMs > MAX_SPAN_DAYS * DAY_MS) {
    throw new BusinessTimeError('SPAN_TOO_LONG', `cannot measure more than ${MAX_SPAN_DAYS} days of business time`);
  }
  let total = 0;
  for (const [s, e] of workingSpans(calendar, fromMs, toMs)) {
    if (s >= toMs) break;
    total += Math.min(e, toMs) - s;
  }
  return total;
}

/**
 * The instant when `seconds` of working time have elapsed after `start`. Outside
 * working hours counting begins at the next working moment; 0 seconds is `start`.
 */
export function addBusinessSeconds(calendar: Calendar, start: Date, seconds: number): Date {
  return new Date(addBusinessMs(calendar, instant(start, 'start'), durationMs(seconds)));
}

/** Working seconds between two instants (fractional when they carry milliseconds). */
export function businessSecondsBetween(calendar: Calendar, from: Date, to: Date): number {
  return businessMsBetween(calendar, instant(from, 'from'), instant(to, 'to')) / 1000;
}

export function addCalendarSeconds(start: Date, seconds: number): Date {
  return new Date(instant(start, 'start') + durationMs(seconds));
}

export function calendarSecondsBetween(from: Date, to: Date): number {
  return (instant(to, 'to') - instant(from, 'from')) / 1000;
}

/** `at` itself when it is working time, else the start of the next working period. */
export function nextWorkingMoment(calendar: Calendar, at: Date): Date {
  const atMs = instant(at, 'at');
  for (const [s] of workingSpans(calendar, atMs)) return new Date(s);
  throw new BusinessTimeError('NO_WORKING_TIME', `the calendar has no working time in ${MAX_SPAN_DAYS} days after ${at.toISOString()}`);
}

export function isWorkingTime(calendar: Calendar, at: Date): boolean {
  const atMs = instant(at, 'at');
  for (const [s] of workingSpans(calendar, atMs)) return s === atMs;
  return false;
}
