/** Request and reply shapes of the business calendar admin API. */
import { z } from 'zod';
import { IsoDateSchema, WorkingIntervalSchema } from '../../lib/businessTime/index.ts';

const Hours = z.array(WorkingIntervalSchema).max(12);

/** 0 = Sunday … 6 = Saturday, as in the library. */
export const WeeklyHours = z.strictObject({
  0: Hours,
  1: Hours,
  2: Hours,
  3: Hours,
  4: Hours,
  5: Hours,
  6: Hours,
});

export const CalendarDate = z.strictObject({
  date: IsoDateSchema,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(50).default(''),
});
export type CalendarDate = z.infer<typeof CalendarDate>;

const Dates = z.array(CalendarDate).max(3000);

export const CreateCalendarBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** IANA name, e.g. Asia/Shanghai; checked against the runtime's time zone data. */
  timeZone: z.string().trim().min(1).max(64).default('Asia/Shanghai'),
  weekly: WeeklyHours,
  /** Hours on adjusted working days (调休上班); null or absent = Monday's hours. */
  workdayHours: Hours.nullable().optional(),
  dates: Dates.default([]),
  isDefault: z.boolean().optional(),
});
export type CreateCalendarBody = z.infer<typeof CreateCalendarBody>;

export const UpdateCalendarBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  timeZone: z.string().trim().min(1).max(64).optional(),
  weekly: WeeklyHours.optional(),
  workdayHours: Hours.nullable().optional(),
  /** The whole list of dated entries; replaces the stored one. */
  dates: Dates.optional(),
  /** Only true is accepted: another calendar becomes default by being made default. */
  isDefault: z.literal(true).optional(),
  archived: z.boolean().optional(),
});
export type UpdateCalendarBody = z.infer<typeof UpdateCalendarBody>;

export const CalendarSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  isDefault: z.boolean(),
  archived: z.boolean(),
  holidayCount: z.number().int(),
  workdayCount: z.number().int(),
  /** Last dated entry; tells an admin whether next year's holidays are in yet. */
  lastDate: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type CalendarSummary = z.infer<typeof CalendarSummary>;

export const CalendarView = CalendarSummary.extend({
  weekly: WeeklyHours,
  workdayHours: Hours.nullable(),
  dates: z.array(z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() })),
  createdAt: z.iso.datetime(),
});
export type CalendarView = z.infer<typeof CalendarView>;

export const ListCalendarsQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() });

/** An uploaded file's text (format of parseHolidayImport) or one shipped year of Chinese holidays. */
export const ImportBody = z.union([
  z.strictObject({ text: z.string().max(200_000) }),
  z.strictObject({ shippedYear: z.number().int().min(2000).max(2100) }),
]);
export type ImportBody = z.infer<typeof ImportBody>;

const ImportEntry = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });

export const ImportPreview = z.object({
  ok: z.boolean(),
  /** Per-line problems; line 0 means the whole file. */
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
  /** Entries the calendar does not have yet. */
  added: z.array(ImportEntry),
  /** Dates the calendar has with another kind or name: the imported entry wins. */
  changed: z.array(ImportEntry.extend({ before: z.object({ kind: z.enum(['holiday', 'workday']), name: z.string() }) })),
  unchanged: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ShippedYear = z.object({
  year: z.number().int(),
  status: z.string(),
  /** True while the file is not the State Council's notice (status not "official"). */
  provisional: z.boolean(),
  source: z.string(),
  reviewBy: z.string(),
  holidayCount: z.number().int(),
  workdayCount: z.number().int(),
  /** The year in the import format, to show or download and edit. */
  text: z.string(),
});

const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/, { message: 'expected YYYY-MM-DDTHH:MM[:SS]' });

/** Give the start as an instant, or as a wall-clock time in the calendar's own time zone. */
export const ComputeBody = z
  .strictObject({
    start: z.iso.datetime({ offset: true }).optional(),
    localStart: LocalDateTime.optional(),
    /** Business seconds to add; up to one year of round-the-clock time. */
    seconds: z.number().int().min(0).max(366 * 24 * 3600),
  })
  .refine((b) => (b.start === undefined) !== (b.localStart === undefined), { message: 'give start or localStart', path: ['start'] });
export type ComputeBody = z.infer<typeof ComputeBody>;

export const ComputeView = z.object({
  start: z.iso.datetime(),
  seconds: z.number().int(),
  dueAt: z.iso.datetime(),
  /** When the clock first runs: start itself inside working hours, else the next working moment. */
  countingFrom: z.iso.datetime(),
  /** Plain elapsed time from start to due, to compare with the business seconds. */
  calendarSeconds: z.number(),
  /** The same instants as wall-clock times in the calendar's time zone ('YYYY-MM-DD HH:MM:SS'). */
  timeZone: z.string(),
  local: z.object({ start: z.string(), dueAt: z.string(), countingFrom: z.string() }),
});
