/**
 * Wall-clock time ↔ UTC instants for IANA time zones using only Intl. "Local ms"
 * means the wall-clock reading expressed as milliseconds on a UTC axis
 * (Date.UTC(y, m, d, h, min)), so local dates and times are plain numbers.
 */
import { DAY_MS } from './days.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();
const midnightOffsets = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 20_000;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

const HOUR_MS = 3_600_000;
const hourOffsets = new Map<string, Map<number, number>>();

/**
 * Offset of `zone` from UTC at an instant, in ms (Shanghai: +8 h). Asking Intl
 * costs tens of microseconds and every due-time computation asks many times, so
 * the offset is kept per UTC hour whose first and last second have the same
 * offset (no zone changes its offset twice within an hour); an hour with a
 * transition in it is answered exactly every time.
 */
export function offsetMs(zone: string, utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR_MS);
  let byHour = hourOffsets.get(zone);
  if (!byHour) {
    byHour = new Map();
    hourOffsets.set(zone, byHour);
  }
  const known = byHour.get(hour);
  if (known !== undefined) return known;
  const first = exactOffsetMs(zone, hour * HOUR_MS);
  if (first !== exactOffsetMs(zone, (hour + 1) * HOUR_MS - 1000)) return exactOffsetMs(zone, utcMs);
  if (byHour.size >= OFFSET_CACHE_LIMIT) byHour.clear();
  byHour.set(hour, first);
  return first;
}

function exactOffsetMs(zone: string, utcMs: number): number {
  // Intl shows whole seconds; compare against the instant truncated the same way.
  const whole = Math.floor(utcMs / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(whole)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - whole;
}

/** Offset at 00:00 UTC of a day number, cached: the per-day fast path asks for these. */
export function offsetAtUtcMidnight(zone: string, day: number): number {
  let byDay = midnightOffsets.get(zone);
  if (!byDay) {
    byDay = new Map();
    midnightOffsets.set(zone, byDay);
  }
  let offset = byDay.get(day);
  if (offset === undefined) {
    if (byDay.size >= OFFSET_CACHE_LIMIT) byDay.clear();
    offset = offsetMs(zone, day * DAY_MS);
    byDay.set(day, offset);
  }
  return offset;
}

export function toLocalMs(zone: string, utcMs: number): number {
  return utcMs + offsetMs(zone, utcMs);
}

/**
 * The instant a wall-clock reading is first reached in `zone`. A time skipped by
 * a DST gap maps to the transition instant (the clock jumps past it there); a
 * time repeated when clocks go back maps to its first occurrence. Both keep the
 * mapping non-decreasing, which working-interval merging relies on, and give a
 * shift "02:30–04:00" on a spring-forward night its real length of one hour.
 */
export function fromLocalMs(zone: string, localMs: number): number {
  const before = offsetMs(zone, localMs - DAY_MS);
  const after = offsetMs(zone, localMs + DAY_MS);
  const withBefore = localMs - before;
  const withAfter = localMs - after;
  const beforeFits = offsetMs(zone, withBefore) === before;
  const afterFits = offsetMs(zone, withAfter) === after;
  if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
  if (beforeFits) return withBefore;
  if (afterFits) return withAfter;
  return transitionBetween(zone, Math.min(withBefore, withAfter), Math.max(withBefore, withAfter), after);
}

/** First whole second in (lo, hi] where the offset already equals `offsetAfter`. */
function transitionBetween(zone: string, lo: number, hi: number, offsetAfter: number): number {
  let low = Math.floor(lo / 1000);
  let high = Math.ceil(hi / 1000);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (offsetMs(zone, mid * 1000) === offsetAfter) high = mid;
    else low = mid;
  }
  return high * 1000;
}

/**
 * A converter for wall-clock times on local day `day` and the day after (enough
 * for overnight shifts). When the offset is the same a day before and two days
 * after, no transition can affect those times and conversion is arithmetic.
 */
export function dayConverter(zone: string, day: number): (localMs: number) => number {
  const offset = offsetAtUtcMidnight(zone, day - 1);
  if (offset === offsetAtUtcMidnight(zone, day + 3)) return (localMs) => localMs - offset;
  return (localMs) => fromLocalMs(zone, localMs);
}

/** Local day number of an instant in `zone`. */
export function localDayOf(zone: string, utcMs: number): number {
  return Math.floor(toLocalMs(zone, utcMs) / DAY_MS);
}
