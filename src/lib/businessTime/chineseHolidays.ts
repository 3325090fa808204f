/**
 * The shape of a year of China's public holiday schedule (放假) and adjusted
 * working days (调休上班), and its checks. The reviewed data files themselves
 * live with the calendars module (src/modules/calendars/holidays/), which reads
 * them and passes the dates in; this library does no I/O.
 */
import { z } from 'zod';
import { IsoDateSchema } from './calendar.ts';
import { BusinessTimeError } from './errors.ts';

const Entry = z.strictObject({ date: IsoDateSchema, name: z.string().max(50) });

export const HolidayFileSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    source: z.string().min(1),
    reviewBy: IsoDateSchema,
    status: z.string().min(1),
    holidays: z.array(Entry),
    workdays: z.array(Entry),
  })
  .superRefine((file, ctx) => {
    const prefix = `${file.year}-`;
    const seen = new Set<string>();
    for (const [list, entries] of [['holidays', file.holidays], ['workdays', file.workdays]] as const) {
      entries.forEach((entry, index) => {
        const path = [list, index, 'date'];
        if (!entry.date.startsWith(prefix)) ctx.addIssue({ code: 'custom', path, message: `${entry.date} is not in ${file.year}` });
        if (seen.has(entry.date)) ctx.addIssue({ code: 'custom', path, message: `${entry.date} is listed twice` });
        seen.add(entry.date);
      });
    }
  });

export type HolidayFile = z.infer<typeof HolidayFileSchema>;

/** A data file's parsed JSON, checked; `year` is the year its name promises. */
export function parseHolidayFile(json: unknown, year: number): HolidayFile {
  const parsed = HolidayFileSchema.safeParse(json);
  if (!parsed.success || parsed.data.year !== year) {
    const why = parsed.success ? `it says year ${parsed.data.year}` : z.prettifyError(parsed.error);
    throw new BusinessTimeError('INVALID_HOLIDAY_DATA', `cn-${year}.json is not valid: ${why}`);
  }
  return parsed.data;
}

/** The dates of one or more years in the shape a Calendar takes. */
export function holidayDates(files: readonly HolidayFile[]): { holidays: string[]; workdays: string[] } {
  return {
    holidays: files.flatMap((f) => f.holidays.map((e) => e.date)),
    workdays: files.flatMap((f) => f.workdays.map((e) => e.date)),
  };
}
