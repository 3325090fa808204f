/**
 * China's public holiday schedule (放假) and adjusted working days (调休上班), one
 * reviewed JSON file per year in src/modules/sla/holidays/ (see the README
 * there). A new year is added by dropping in cn-<year>.json; nothing else changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { IsoDateSchema } from './calendar.ts';
import { BusinessTimeError } from './errors.ts';

// The data lives with the SLA module that owns it; this file only reads it.
const DATA_DIR = new URL('../../modules/sla/holidays/', import.meta.url);

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

const files = new Map<number, HolidayFile>();

/** Years with a data file, ascending. */
export function chineseHolidayYears(): number[] {
  return readdirSync(DATA_DIR)
    .map((name) => /^cn-(\d{4})\.json$/.exec(name)?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The whole file for a year, including its source and status (e.g. provisional). */
export function loadChineseHolidayFile(year: number): HolidayFile {
  const cached = files.get(year);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(new URL(`cn-${year}.json`, DATA_DIR), 'utf8');
  } catch {
    throw new BusinessTimeError('NO_HOLIDAY_DATA', `no Chinese holiday data for ${year}: add src/modules/sla/holidays/cn-${year}.json`);
  }
  const parsed = HolidayFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success || parsed.data.year !== year) {
    const why = parsed.success ? `it says year ${parsed.data.year}` : z.prettifyError(parsed.error);
    throw new BusinessTimeError('INVALID_HOLIDAY_DATA', `cn-${year}.json is not valid: ${why}`);
  }
  files.set(year, parsed.data);
  return parsed.data;
}

/** The dates of a year in the shape a Calendar takes. */
export function loadChineseHolidays(year: number): { holidays: string[]; workdays: string[] } {
  const file = loadChineseHolidayFile(year);
  return { holidays: file.holidays.map((e) => e.date), workdays: file.workdays.map((e) => e.date) };
}
