/**
 * Turns a calendar into working spans: [start, end) UTC millisecond ranges, one
 * local day at a time. Each day's spans are computed once per calendar object and
 * cached, so long spans cost a few additions per day, never a loop over seconds.
 */
import { z } from 'zod';
import { type Calendar, CalendarSchema, intervalMinutes, WEEKDAYS } from './calendar.ts';
import { DAY_MS, dayNumber, MINUTE_MS, weekdayOf } from './days.ts';
import { BusinessTimeError } from './errors.ts';
import { dayConverter, localDayOf } from './timeZone.ts';

/** The furthest any calculation looks ahead: about three years of local days. */
export const MAX_SPAN_DAYS = 1100;
const DAY_CACHE_LIMIT = 5000;
// The largest UTC offset in use (+14 h): a local day can start this long before its UTC date.
const MAX_OFFSET_MS = 14 * 3_600_000;

export type Span = readonly [start: number, end: number];

interface Compiled {
  zone: string;
  weekly: Array<Array<[number, number]>>;
  workdayHours: Array<[number, number]>;
  holidays: Set<number>;
  workdays: Set<number>;
  days: Map<number, Span[]>;
}

// Calendars are values: the compiled form is kept per object, so do not mutate a calendar after use.
const compiledCalendars = new WeakMap<Calendar, Compiled>();

function compile(calendar: Calendar): Compiled {
  let compiled = compiledCalendars.get(calendar);
  if (compiled) return compiled;
  const parsed = CalendarSchema.safeParse(calendar);
  if (!parsed.success) throw new BusinessTimeError('INVALID_CALENDAR', z.prettifyError(parsed.error));
  const c = parsed.data;
  const minutes = (list: readonly { start: string; end: string }[]) =>
    list.map(intervalMinutes).sort((a, b) => a[0] - b[0]);
  compiled = {
    zone: c.timeZone,
    weekly: WEEKDAYS.map((day) => minutes(c.weekly[day])),
    workdayHours: minutes(c.workdayHours ?? c.weekly[1]),
    holidays: new Set(c.holidays.map(dayNumber)),
    workdays: new Set(c.workdays.map(dayNumber)),
    days: new Map(),
  };
  compiledCalendars.set(calendar, compiled);
  return compiled;
}

/** Spans of the shifts that start on local day `day` (sorted; may reach into the next day). */
function daySpans(c: Compiled, day: number): Span[] {
  const cached = c.days.get(day);
  if (cached) return cached;
  const hours = c.holidays.has(day) ? [] : c.workdays.has(day) ? c.workdayHours : c.weekly[weekdayOf(day)]!;
  const spans: Span[] = [];
  if (hours.length > 0) {
    const toUtc = dayConverter(c.zone, day);
    const midnight = day * DAY_MS;
    for (const [start, end] of hours) {
      const s = toUtc(midnight + start * MINUTE_MS);
      const e = toUtc(midnight + end * MINUTE_MS);
      if (e > s) spans.push([s, e]);
    }
  }
  if (c.days.size >= DAY_CACHE_LIMIT) c.days.clear();
  c.days.set(day, spans);
  return spans;
}

/**
 * Disjoint working spans in time order from `fromMs` (the first one clipped to
 * start there), merging shifts that touch or overlap. Stops before spans that
 * start at or after `untilMs`, or after MAX_SPAN_DAYS local days.
 */
export function* workingSpans(calendar: Calendar, fromMs: number, untilMs = Number.POSITIVE_INFINITY): Generator<Span> {
  const c = compile(calendar);
  // Start a day early: yesterday's overnight shift may still be running.
  const first = localDayOf(c.zone, fromMs) - 1;
  let start = Number.NaN;
  let end = Number.NaN;
  // A few days of slack so that measuring exactly MAX_SPAN_DAYS, in any zone, still sees its last day.
  for (let day = first; day <= first + MAX_SPAN_DAYS + 4; day++) {
    if (day * DAY_MS - MAX_OFFSET_MS >= untilMs) break;
    for (const [s0, e] of daySpans(c, day)) {
      if (e <= fromMs) continue;
      const s = Math.max(s0, fromMs);
      if (s <= end) {
        if (e > end) end = e;
        continue;
      }
      if (!Number.isNaN(start)) yield [start, end];
      start = s;
      end = e;
    }
  }
  if (!Number.isNaN(start)) yield [start, end];
}
