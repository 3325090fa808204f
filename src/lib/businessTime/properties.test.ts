/**
 * Property tests with a tiny seeded generator (deterministic: the same cases on
 * every run). Random calendars in zones with and without DST, random starts and
 * durations; the arithmetic must round-trip, be monotonic and additive, and agree
 * with a minute-by-minute reference in fixed-offset zones.
 */
import { describe, expect, it } from 'vitest';
import { addBusinessSeconds, type Calendar, CalendarSchema, businessSecondsBetween, type WorkingInterval } from './index.ts';

/** mulberry32: small, fast, good enough to pick test cases. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof generator>;

const DST_ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/St_Johns'];
const FIXED_ZONES: Record<string, number> = { 'Asia/Shanghai': 480, UTC: 0, 'Asia/Kolkata': 330, 'Asia/Kathmandu': 345 };
const DAY_MS = 86_400_000;
const YEAR_START = Date.UTC(2026, 0, 1);

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function randomDay(r: Random): WorkingInterval[] {
  const count = r.pick([0, 0, 1, 1, 2, 3]);
  const step = r.pick([1, 15, 30, 60]);
  const points = new Set<number>();
  while (points.size < count * 2) points.add(r.int(0, 1440 / step) * step);
  const sorted = [...points].sort((a, b) => a - b);
  const day: WorkingInterval[] = [];
  for (let i = 0; i < sorted.length; i += 2) day.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
  // Sometimes make the last interval overnight by swapping its ends.
  const last = day[day.length - 1];
  if (last && r.next() < 0.3 && last.end !== '24:00') day[day.length - 1] = { start: last.end, end: last.start };
  return day;
}

function randomDates(r: Random, count: number): string[] {
  return Array.from({ length: count }, () => new Date(YEAR_START + r.int(0, 500) * DAY_MS).toISOString().slice(0, 10));
}

function randomCalendar(r: Random, zones: readonly string[]): Calendar {
  for (;;) {
    const holidays = randomDates(r, r.int(0, 40));
    const workdays = randomDates(r, r.int(0, 10)).filter((d) => !holidays.includes(d));
    const candidate = {
      timeZone: r.pick(zones),
      weekly: { 0: randomDay(r), 1: randomDay(r), 2: randomDay(r), 3: randomDay(r), 4: randomDay(r), 5: randomDay(r), 6: randomDay(r) },
      workdayHours: r.next() < 0.5 ? randomDay(r) : undefined,
      holidays,
      workdays,
    };
    // Overlapping random hours are refused by the schema; just draw again.
    const parsed = CalendarSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
}

function randomInstant(r: Random): Date {
  const ms = YEAR_START + r.int(0, 400 * 24 * 60) * 60_000;
  return new Date(r.next() < 0.5 ? ms : ms + r.int(0, 59_999));
}

/** A duration that fits well within the three-year limit even for a calendar with one short shift a week. */
function randomSeconds(r: Random, calendar: Calendar): number {
  let weekly = 0;
  for (const day of Object.values(calendar.weekly)) {
    for (const { start, end } of day) {
      const [s, e] = [start, end].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))) as [number, number];
      weekly += (e <= s ? e + 1440 : e) - s;
    }
  }
  const seconds = r.pick([0, 1, 59, 60, r.int(1, 3600), r.int(1, 86_400), r.int(1, 30 * 86_400)]);
  return Math.min(seconds, weekly * 60 * 100);
}

const ALL_ZONES = [...DST_ZONES, ...Object.keys(FIXED_ZONES)];

describe('business-time properties', () => {
  it('adding then measuring round-trips, and the moment before the result is working time', () => {
    const r = generator(20261125);
    for (let i = 0; i < 3000; i++) {
      const calendar = randomCalendar(r, ALL_ZONES);
      const start = randomInstant(r);
      const seconds = randomSeconds(r, calendar);
      const end = addBusinessSeconds(calendar, start, seconds);
      const context = JSON.stringify({ i, calendar, start, seconds, end });
      expect(businessSecondsBetween(calendar, start, end), context).toBe(seconds);
      if (seconds > 0) {
        const justBefore = new Date(end.getTime() - 1);
        expect(businessSecondsBetween(calendar, justBefore, end), context).toBe(0.001);
      }
    }
  });

  it('is monotonic: a longer duration never ends earlier', () => {
    const r = generator(7);
    for (let i = 0; i < 1000; i++) {
      const calendar = randomCalendar(r, ALL_ZONES);
      const start = randomInstant(r);
      const [d1, d2] = [randomSeconds(r, calendar), randomSeconds(r, calendar)].sort((a, b) => a - b) as [number, number];
      const context = JSON.stringify({ i, calendar, start, d1, d2 });
      expect(addBusinessSeconds(calendar, start, d1).getTime(), context).toBeLessThanOrEqual(
        addBusinessSeconds(calendar, start, d2).getTime(),
      );
    }
  });

  it('is additive: measuring a→b plus b→c equals a→c', () => {
    const r = generator(42);
    for (let i = 0; i < 600; i++) {
      const calendar = randomCalendar(r, ALL_ZONES);
      const [a, b, c] = [randomInstant(r), randomInstant(r), randomInstant(r)].sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date];
      const whole = businessSecondsBetween(calendar, a, c);
      expect(businessSecondsBetween(calendar, a, b) + businessSecondsBetween(calendar, b, c)).toBeCloseTo(whole, 6);
    }
  });

  it('agrees with a minute-by-minute reference in fixed-offset zones', () => {
    const r = generator(2027);
    for (let i = 0; i < 150; i++) {
      const calendar = randomCalendar(r, Object.keys(FIXED_ZONES));
      const offsetMs = FIXED_ZONES[calendar.timeZone]! * 60_000;
      const from = YEAR_START + r.int(0, 400 * 24 * 60) * 60_000;
      const minutes = r.int(1, 4 * 24 * 60);
      let working = 0;
      for (let m = 0; m < minutes; m++) if (workingMinute(calendar, from + m * 60_000 + offsetMs)) working++;
      const measured = businessSecondsBetween(calendar, new Date(from), new Date(from + minutes * 60_000));
      expect(measured, JSON.stringify({ i, calendar, from, minutes })).toBe(working * 60);
    }
  });
});

/** Independent reading of the rules: is the minute at this wall-clock time (ms on a UTC axis) working? */
function workingMinute(calendar: Calendar, wallMs: number): boolean {
  const day = Math.floor(wallMs / DAY_MS);
  const minute = (wallMs - day * DAY_MS) / 60_000;
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const hoursOf = (d: number): Array<[number, number]> => {
    const date = new Date(d * DAY_MS).toISOString().slice(0, 10);
    if (calendar.holidays.includes(date)) return [];
    const list = calendar.workdays.includes(date)
      ? (calendar.workdayHours ?? calendar.weekly[1])
      : calendar.weekly[new Date(d * DAY_MS).getUTCDay() as 0];
    return list.map((i) => {
      const s = toMinutes(i.start);
      const e = toMinutes(i.end);
      return [s, e <= s ? e + 1440 : e];
    });
  };
  return (
    hoursOf(day).some(([s, e]) => s <= minute && minute < e) || hoursOf(day - 1).some(([, e]) => minute + 1440 < e)
  );
}
