/**
 * An SLA clock: a target duration counted in business or calendar time from a
 * start instant, with pauses (e.g. while waiting on the customer) that do not
 * count. Pure: the caller passes the pauses known so far and asks at an instant.
 */
import { addBusinessMs, businessMsBetween } from './arithmetic.ts';
import type { Calendar } from './calendar.ts';

export type ClockMode = 'business' | 'calendar';

export interface Pause {
  from: Date;
  /** Absent or null while the pause is still running. */
  to?: Date | null;
}

export interface ClockSpec {
  targetSeconds: number;
  mode: ClockMode;
  /** Required in business mode. */
  calendar?: Calendar;
  startedAt: Date;
  pauses?: readonly Pause[];
}

export interface Clock {
  /** Counted seconds from the start to `at`, without paused time. */
  elapsedSeconds(at: Date): number;
  /** Target minus elapsed; negative once overdue. */
  remainingSeconds(at: Date): number;
  /** When the target is reached given the pauses so far; null while paused (unless it was reached before). */
  dueAt(): Date | null;
  /** When `fraction` of the target is used (e.g. 0.8 for an 80 % warning); null while paused, as dueAt. */
  warningAt(fraction?: number): Date | null;
  /** True once more than the target has elapsed; reaching it exactly is on time. */
  breached(at: Date): boolean;
  /** Elapsed ÷ target: 0.8 means 80 % used; above 1 once breached. */
  fractionUsed(at: Date): number;
  isPaused(at: Date): boolean;
}

type Range = [from: number, to: number];

/** Pauses clipped to the start, sorted and merged; an open pause ends at +∞. */
function normalizePauses(startMs: number, pauses: readonly Pause[]): Range[] {
  const ranges: Range[] = [];
  for (const pause of pauses) {
    const from = Math.max(pause.from.getTime(), startMs);
    const to = pause.to ? pause.to.getTime() : Number.POSITIVE_INFINITY;
    if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('a pause has an invalid date');
    if (pause.to && pause.to.getTime() < pause.from.getTime()) throw new RangeError('a pause ends before it starts');
    if (to > from) ranges.push([from, to]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export function createClock(spec: ClockSpec): Clock {
  const { mode, calendar } = spec;
  if (!(spec.targetSeconds > 0) || !Number.isFinite(spec.targetSeconds)) {
    throw new RangeError('targetSeconds must be a finite number > 0');
  }
  if (mode === 'business' && !calendar) throw new RangeError('a business-time clock needs a calendar');
  const targetMs = Math.round(spec.targetSeconds * 1000);
  const startMs = spec.startedAt.getTime();
  if (Number.isNaN(startMs)) throw new RangeError('startedAt is not a valid date');
  const pauses = normalizePauses(startMs, spec.pauses ?? []);

  const measure = (from: number, to: number) =>
    mode === 'business' ? businessMsBetween(calendar!, from, to) : to - from;
  const add = (from: number, ms: number) => (mode === 'business' ? addBusinessMs(calendar!, from, ms) : from + ms);

  function elapsedMs(atMs: number): number {
    let total = 0;
    let cursor = startMs;
    for (const [from, to] of pauses) {
      if (from >= atMs) break;
      total += measure(cursor, from);
      cursor = to;
      if (cursor >= atMs) return total;
    }
    return atMs > cursor ? total + measure(cursor, atMs) : total;
  }

  function reachesAt(ms: number): Date | null {
    let left = ms;
    let cursor = startMs;
    for (const [from, to] of pauses) {
      const available = measure(cursor, from);
      if (available >= left) return new Date(add(cursor, left));
      left -= available;
      if (to === Number.POSITIVE_INFINITY) return null;
      cursor = to;
    }
    return new Date(add(cursor, left));
  }

  return {
    elapsedSeconds: (at) => elapsedMs(at.getTime()) / 1000,
    remainingSeconds: (at) => (targetMs - elapsedMs(at.getTime())) / 1000,
    dueAt: () => reachesAt(targetMs),
    warningAt: (fraction = 0.8) => {
      if (!(fraction >= 0) || !Number.isFinite(fraction)) throw new RangeError('fraction must be a finite number ≥ 0');
      return reachesAt(Math.round(targetMs * fraction));
    },
    breached: (at) => elapsedMs(at.getTime()) > targetMs,
    fractionUsed: (at) => elapsedMs(at.getTime()) / targetMs,
    isPaused: (at) => pauses.some(([from, to]) => from <= at.getTime() && at.getTime() < to),
  };
}
