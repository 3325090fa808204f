/**
 * Holidays and adjusted working days from a file (the format of parseHolidayImport)
 * or from the Chinese schedule shipped with the system. A preview shows per-line
 * errors and what would change before anything is written; applying merges the
 * entries into the calendar, an imported entry winning over a stored one for its date.
 */
import { BusinessTimeError, type DatedEntry, formatHolidayImport, type ImportProblem, parseHolidayImport } from '../../../lib/businessTime/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, invalid } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { authorizeEdit, authorizeRead } from '../policy.ts';
import { chineseHolidayYears, loadChineseHolidayFile } from '../shippedHolidays.ts';
import type { CalendarView, ImportBody, ImportPreview } from '../schema.ts';
import { validateCalendar } from '../validate.ts';
import { getCalendar } from './calendars.ts';
import { type DateEntry, datesDiff, findCalendar, lockCalendar, readDates, replaceDates } from './store.ts';
import '../messages.ts';

type Parsed = { ok: true; entries: DateEntry[]; source: Record<string, unknown> } | { ok: false; errors: ImportProblem[] };

function shippedFile(year: number) {
  try {
    return loadChineseHolidayFile(year);
  } catch (error) {
    if (error instanceof BusinessTimeError && error.code === 'NO_HOLIDAY_DATA') throw new AppError('CALENDAR_SHIPPED_YEAR_MISSING', 404, { year });
    throw error;
  }
}

const asEntries = (kind: DateEntry['kind'], list: readonly DatedEntry[]): DateEntry[] => list.map((e) => ({ date: e.date, kind, name: e.name }));

function parse(body: ImportBody): Parsed {
  if ('shippedYear' in body) {
    const file = shippedFile(body.shippedYear);
    const entries = [...asEntries('holiday', file.holidays), ...asEntries('workday', file.workdays)];
    return { ok: true, entries, source: { kind: 'shipped', year: file.year, status: file.status } };
  }
  const result = parseHolidayImport(body.text);
  if (!result.ok) return { ok: false, errors: result.errors };
  return { ok: true, entries: [...asEntries('holiday', result.holidays), ...asEntries('workday', result.workdays)], source: { kind: 'file' } };
}

function compare(stored: readonly DateEntry[], entries: readonly DateEntry[]): Omit<ImportPreview, 'ok' | 'errors'> {
  const byDate = new Map(stored.map((d) => [d.date, d]));
  const preview: Omit<ImportPreview, 'ok' | 'errors'> = { added: [], changed: [], unchanged: 0 };
  for (const entry of [...entries].sort((a, b) => a.date.localeCompare(b.date))) {
    const old = byDate.get(entry.date);
    if (!old) preview.added.push(entry);
    else if (old.kind !== entry.kind || old.name !== entry.name) preview.changed.push({ ...entry, before: { kind: old.kind, name: old.name } });
    else preview.unchanged++;
  }
  return preview;
}

export async function previewImport(ctx: Ctx, id: string, body: ImportBody): Promise<ImportPreview> {
  authorizeEdit(ctx);
  await findCalendar(ctx, id);
  const parsed = parse(body);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, added: [], changed: [], unchanged: 0 };
  return { ok: true, errors: [], ...compare(await readDates(ctx, id), parsed.entries) };
}

export async function applyImport(ctx: Ctx, id: string, body: ImportBody): Promise<CalendarView> {
  authorizeEdit(ctx);
  const row = await lockCalendar(ctx, id);
  const parsed = parse(body);
  if (!parsed.ok) throw invalid({ errors: parsed.errors }, 'CALENDAR_IMPORT_INVALID');
  const before = await readDates(ctx, id);
  const merged = new Map(before.map((d) => [d.date, d]));
  for (const entry of parsed.entries) merged.set(entry.date, entry);
  const after = [...merged.values()].sort((a, b) => a.date.localeCompare(b.date));
  validateCalendar({ timeZone: row.time_zone, weekly: row.weekly, workdayHours: row.workday_hours, dates: after });
  const changes = datesDiff(before, after);
  if (changes) {
    await replaceDates(ctx, id, after);
    await ctx.tx.updateTable('business_calendars').set({ updated_at: new Date() }).where('id', '=', id).execute();
    await recordEvent(ctx, {
      subjectType: 'config',
      subjectId: id,
      type: 'calendar.datesImported',
      data: { name: row.name, source: parsed.source, dates: changes },
    });
  }
  return getCalendar(ctx, id);
}

/** The shipped years, marked provisional until the State Council notice is entered. */
export function shippedYears(ctx: Ctx) {
  authorizeRead(ctx);
  return chineseHolidayYears().map((year) => {
    const file = shippedFile(year);
    return {
      year,
      status: file.status,
      provisional: file.status !== 'official',
      source: file.source,
      reviewBy: file.reviewBy,
      holidayCount: file.holidays.length,
      workdayCount: file.workdays.length,
      text: formatHolidayImport(file),
    };
  });
}
