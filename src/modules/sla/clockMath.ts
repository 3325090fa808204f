/**
 * A stored clock row as the pure library's clock (src/lib/businessTime): its due
 * time, the moments of its escalation steps, and which step a timer waits for.
 */
import type { Selectable } from 'kysely';
import { BusinessTimeError, type Calendar, type Clock, createClock, type Pause } from '../../lib/businessTime/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { loadCalendar } from '../calendars/load.ts';
import type { ClockState, WorkOrderSlaClocksTable } from './tables.ts';

export type ClockRow = Selectable<WorkOrderSlaClocksTable>;

/** The breach is always a step (100 %), whether or not the policy escalates there. */
export const BREACH_PERCENT = 100;

export function clockOf(row: ClockRow, calendar: Calendar | undefined): Clock {
  const pauses: Pause[] = row.pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to) }));
  if (row.paused_since) pauses.push({ from: row.paused_since, to: null });
  return createClock({ targetSeconds: row.target_seconds, mode: row.mode, calendar, startedAt: row.started_at, pauses });
}

/** Loads the calendars rows count in (business mode only), once per calendar per call. */
export function calendarLoader(ctx: Ctx) {
  const cache = new Map<string, Promise<Calendar>>();
  return (row: Pick<ClockRow, 'mode' | 'calendar_id'>): Promise<Calendar | undefined> => {
    if (row.mode !== 'business') return Promise.resolve(undefined);
    const key = row.calendar_id ?? '';
    let found = cache.get(key);
    if (!found) {
      const load = () => loadCalendar(ctx.tx, row.calendar_id);
      // Calendar changes are configuration events, which drop the cache (lib/configCache.ts).
      found = ctx.configCache ? ctx.configCache.get(`calendar.${key}`, load) : load();
      cache.set(key, found);
    }
    return found;
  };
}

export function percentsOf(row: Pick<ClockRow, 'steps'>): number[] {
  return [...new Set([...row.steps.map((s) => s.atPercent), BREACH_PERCENT])].sort((a, b) => a - b);
}

/** The moment `percent` of the target is used; null while paused. */
export function momentOf(clock: Clock, percent: number): Date | null {
  return percent === BREACH_PERCENT ? clock.dueAt() : clock.warningAt(percent / 100);
}

/** momentOf, or null when the calendar cannot reach it (see clocks.ts settle). */
export function reachableMoment(clock: Clock, percent: number): Date | null {
  try {
    return momentOf(clock, percent);
  } catch (error) {
    if (error instanceof BusinessTimeError) return null;
    throw error;
  }
}

export function isLive(row: ClockRow): boolean {
  return row.stopped_at === null && row.superseded_at === null;
}

export function stateOf(row: Pick<ClockRow, 'breached_at' | 'stopped_at' | 'paused_since'>): ClockState {
  if (row.breached_at) return 'breached';
  if (row.stopped_at) return 'met';
  return row.paused_since ? 'paused' : 'running';
}

/** The step the clock's timer should wait for and when; null when nothing is left or it is paused. */
export function nextTimer(row: ClockRow, clock: Clock): { percent: number; at: Date } | null {
  if (!isLive(row) || row.paused_since) return null;
  const percent = percentsOf(row).find((p) => !row.fired.includes(p));
  if (percent === undefined) return null;
  const at = momentOf(clock, percent);
  return at ? { percent, at } : null;
}
