/**
 * Who is on duty when: pure resolution of a team's roster. For a date, a shift's
 * people are the date's override when there is one (a swap, a holiday, an extra
 * day; an empty override means nobody), otherwise the weekly pattern for that
 * weekday if the shift runs on it. A shift belongs to the date it starts on, so
 * an overnight shift's early-morning part is covered by the previous date's roster.
 * Wall-clock ↔ instant conversion is the business-time library's (one tz implementation).
 */
import { DAY_MS, MINUTE_MS, weekdayOf } from '../../lib/businessTime/days.ts';
import { fromLocalMs, toLocalMs } from '../../lib/businessTime/index.ts';

export interface RosterShift {
  id: string;
  name: string;
  startMinute: number;
  endMinute: number;
  weekdays: number[];
}

export interface RosterData {
  timeZone: string;
  shifts: RosterShift[];
  /** shiftId → weekday → user ids */
  pattern: Map<string, Map<number, string[]>>;
  /** `${shiftId}|${YYYY-MM-DD}` → override */
  overrides: Map<string, { userIds: string[]; note: string }>;
}

export interface ShiftOnDate {
  shift: RosterShift;
  day: number;
  userIds: string[];
  overridden: boolean;
  note: string;
  startsAt: number;
  endsAt: number;
}

/** 'HH:MM' (end may be '24:00') ↔ minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** end ≤ start: the shift ends the next day; start = end is a 24-hour shift. */
export function isOvernight(shift: Pick<RosterShift, 'startMinute' | 'endMinute'>): boolean {
  return shift.endMinute <= shift.startMinute;
}

export const overrideKey = (shiftId: string, isoDate: string) => `${shiftId}|${isoDate}`;

const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The shift as worked on local day `day` (day number), or null when it does not run then. */
export function shiftOnDate(roster: RosterData, shift: RosterShift, day: number): ShiftOnDate | null {
  const override = roster.overrides.get(overrideKey(shift.id, isoOf(day)));
  const weekday = weekdayOf(day);
  let userIds: string[];
  if (override) userIds = override.userIds;
  else if (shift.weekdays.includes(weekday)) userIds = roster.pattern.get(shift.id)?.get(weekday) ?? [];
  else return null;
  const endDay = isOvernight(shift) ? day + 1 : day;
  return {
    shift,
    day,
    userIds,
    overridden: Boolean(override),
    note: override?.note ?? '',
    startsAt: fromLocalMs(roster.timeZone, day * DAY_MS + shift.startMinute * MINUTE_MS),
    endsAt: fromLocalMs(roster.timeZone, endDay * DAY_MS + shift.endMinute * MINUTE_MS),
  };
}

/** Every shift worked on each local day from `fromDay` for `days` days, in shift order. */
export function rosterDays(roster: RosterData, fromDay: number, days: number): ShiftOnDate[] {
  const out: ShiftOnDate[] = [];
  for (let day = fromDay; day < fromDay + days; day++) {
    for (const shift of roster.shifts) {
      const worked = shiftOnDate(roster, shift, day);
      if (worked) out.push(worked);
    }
  }
  return out;
}

/** The local day number of an instant in the roster's time zone. */
export function localDay(timeZone: string, at: number): number {
  return Math.floor(toLocalMs(timeZone, at) / DAY_MS);
}

/** The shifts running at instant `at` (yesterday's overnight shifts included) with their people. */
export function shiftsAt(roster: RosterData, at: number): ShiftOnDate[] {
  const today = localDay(roster.timeZone, at);
  return rosterDays(roster, today - 1, 2).filter((s) => s.startsAt <= at && at < s.endsAt);
}

/** Distinct user ids on duty at `at`. */
export function onDutyUserIds(roster: RosterData, at: number): string[] {
  return [...new Set(shiftsAt(roster, at).flatMap((s) => s.userIds))];
}
