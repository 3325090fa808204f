/**
 * The business calendar value and its Zod schema (also used by the SLA admin API).
 * Weekly hours are wall-clock intervals per weekday (0 = Sunday). An interval whose
 * end is before its start runs overnight into the next day and belongs to the day
 * it starts: a holiday closes the shifts that start on it, not the one that began
 * the evening before. Adjusted working days (调休) use `workdayHours`, by default
 * Monday's hours.
 */
import { z } from 'zod';
import { isIsoDate } from './days.ts';
import { isValidTimeZone } from './timeZone.ts';

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

export interface WorkingInterval {
  start: string;
  end: string;
}

export interface Calendar {
  timeZone: string;
  weekly: Readonly<Record<Weekday, readonly WorkingInterval[]>>;
  /** Hours on adjusted working days; Monday's when absent. */
  workdayHours?: readonly WorkingInterval[];
  /** YYYY-MM-DD dates without working time. */
  holidays: readonly string[];
  /** YYYY-MM-DD adjusted working days (调休上班), even on a weekend. */
  workdays: readonly string[];
}

const START = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const MAX_INTERVALS_PER_DAY = 12;
const MAX_DATES = 3000;

/** Minutes after midnight of 'HH:MM' (24:00 → 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** [start, end) in minutes from the start of the day the interval belongs to; end > 1440 runs overnight. */
export function intervalMinutes(interval: WorkingInterval): [number, number] {
  const start = minutesOf(interval.start);
  const end = minutesOf(interval.end);
  return [start, end <= start ? end + 1440 : end];
}

export const WorkingIntervalSchema = z
  .strictObject({
    start: z.string().regex(START, { message: 'start must be a time HH:MM from 00:00 to 23:59' }),
    end: z.string().regex(END, { message: 'end must be a time HH:MM from 00:00 to 24:00' }),
  })
  .refine((i) => i.start !== i.end, {
    message: 'start and end are equal; use 00:00–24:00 for a whole day',
  });

const DayHours = z.array(WorkingIntervalSchema).max(MAX_INTERVALS_PER_DAY);

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

export const CalendarSchema = z
  .strictObject({
    timeZone: z.string().max(64).refine(isValidTimeZone, { message: 'unknown time zone' }),
    weekly: z.strictObject({
      0: DayHours.default([]),
      1: DayHours.default([]),
      2: DayHours.default([]),
      3: DayHours.default([]),
      4: DayHours.default([]),
      5: DayHours.default([]),
      6: DayHours.default([]),
    }),
    workdayHours: DayHours.optional(),
    holidays: z.array(IsoDateSchema).max(MAX_DATES).default([]),
    workdays: z.array(IsoDateSchema).max(MAX_DATES).default([]),
  })
  .superRefine((calendar, ctx) => {
    for (const issue of calendarProblems(calendar)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type CalendarInput = z.input<typeof CalendarSchema>;

interface Problem {
  path: Array<string | number>;
  message: string;
}

const label = (i: WorkingInterval) => `${i.start}–${i.end}`;

/** Overlaps, conflicting dates and an empty week: the mistakes Zod types cannot see. */
function calendarProblems(calendar: Calendar): Problem[] {
  const problems: Problem[] = [];
  for (const day of WEEKDAYS) {
    const previous = WEEKDAYS[(day + 6) % 7]!;
    const spill = calendar.weekly[previous]
      .map((interval) => ({ interval, span: intervalMinutes(interval) }))
      .filter(({ span }) => span[1] > 1440)
      .map(({ interval, span }) => ({ interval, span: [0, span[1] - 1440] as [number, number], spill: true }));
    const own = calendar.weekly[day].map((interval) => ({ interval, span: intervalMinutes(interval), spill: false }));
    const message = findOverlap([...spill, ...own]);
    if (message) problems.push({ path: ['weekly', String(day)], message });
  }
  if (calendar.workdayHours) {
    const own = calendar.workdayHours.map((interval) => ({ interval, span: intervalMinutes(interval), spill: false }));
    const message = findOverlap(own);
    if (message) problems.push({ path: ['workdayHours'], message });
  }
  if (WEEKDAYS.every((day) => calendar.weekly[day].length === 0)) {
    problems.push({ path: ['weekly'], message: 'the calendar needs working hours on at least one weekday' });
  }
  const holidays = new Set(calendar.holidays);
  calendar.workdays.forEach((date, index) => {
    if (holidays.has(date)) {
      problems.push({ path: ['workdays', index], message: `${date} is both a holiday and an adjusted working day` });
    }
  });
  return problems;
}

interface Placed {
  interval: WorkingInterval;
  span: [number, number];
  spill: boolean;
}

function findOverlap(items: Placed[]): string | null {
  const sorted = [...items].sort((a, b) => a.span[0] - b.span[0]);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.span[0] < a.span[1]) {
      const name = (p: Placed) => (p.spill ? `${label(p.interval)} (overnight from the day before)` : label(p.interval));
      return `working hours overlap: ${name(a)} and ${name(b)}`;
    }
  }
  return null;
}

/**
 * A copy of `calendar` with dates added (e.g. an imported holiday file). The new
 * entries win: a date added as a working day stops being a holiday and vice versa.
 */
export function withDates(
  calendar: Calendar,
  added: { holidays?: readonly string[]; workdays?: readonly string[] },
): Calendar {
  const newHolidays = new Set(added.holidays ?? []);
  const newWorkdays = new Set(added.workdays ?? []);
  const holidays = new Set([...calendar.holidays.filter((d) => !newWorkdays.has(d)), ...newHolidays]);
  const workdays = new Set([...calendar.workdays.filter((d) => !newHolidays.has(d)), ...newWorkdays]);
  return { ...calendar, holidays: [...holidays].sort(), workdays: [...workdays].sort() };
}

/** Parse and check a calendar; throws ZodError with one issue per mistake. */
export function parseCalendar(input: unknown): Calendar {
  return CalendarSchema.parse(input);
}
