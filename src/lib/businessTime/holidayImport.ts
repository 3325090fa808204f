/**
 * Parses the simple holiday import file an administrator can upload: one entry
 * per line, `date,type,name` with type `holiday` or `workday` (调休上班).
 * Blank lines and lines starting with # are ignored, as is a header line
 * `date,type,name`. Every mistake is reported with its line number, so the
 * whole file can be fixed in one pass.
 */
import { isIsoDate } from './days.ts';

export interface DatedEntry {
  date: string;
  name: string;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export type HolidayImport =
  | { ok: true; holidays: DatedEntry[]; workdays: DatedEntry[] }
  | { ok: false; errors: ImportProblem[] };

const MAX_CHARS = 200_000;
const MAX_ENTRIES = 3000;
const MAX_NAME = 50;
const MAX_ERRORS = 50;

type Parsed = { date: string; type: 'holiday' | 'workday'; name: string };

/** One non-empty line: the entry, or what is wrong with it. */
function parseLine(content: string): Parsed | string {
  const first = content.indexOf(',');
  const second = first < 0 ? -1 : content.indexOf(',', first + 1);
  if (second < 0) return 'expected date,type,name';
  const date = content.slice(0, first).trim();
  const type = content.slice(first + 1, second).trim().toLowerCase();
  // The name is the rest of the line, so names may contain commas; surrounding quotes are dropped.
  const name = content
    .slice(second + 1)
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  if (!isIsoDate(date)) return `"${date.slice(0, 20)}" is not a date YYYY-MM-DD`;
  if (type !== 'holiday' && type !== 'workday') return `type must be holiday or workday, not "${type.slice(0, 20)}"`;
  if (name.length > MAX_NAME) return `the name is longer than ${MAX_NAME} characters`;
  return { date, type, name };
}

export function parseHolidayImport(text: string): HolidayImport {
  if (text.length > MAX_CHARS) {
    return { ok: false, errors: [{ line: 0, message: `the file is longer than ${MAX_CHARS} characters` }] };
  }
  const errors: ImportProblem[] = [];
  const holidays: DatedEntry[] = [];
  const workdays: DatedEntry[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const content = raw.trim();
    if (!content || content.startsWith('#') || /^date\s*,\s*type\s*,\s*name$/i.test(content)) continue;
    const parsed = parseLine(content);
    if (typeof parsed === 'string') {
      errors.push({ line, message: parsed });
      continue;
    }
    const earlier = seen.get(parsed.date);
    if (earlier !== undefined) {
      errors.push({ line, message: `${parsed.date} already appears on line ${earlier}` });
      continue;
    }
    seen.set(parsed.date, line);
    (parsed.type === 'holiday' ? holidays : workdays).push({ date: parsed.date, name: parsed.name });
  }
  if (holidays.length + workdays.length > MAX_ENTRIES) {
    errors.push({ line: 0, message: `more than ${MAX_ENTRIES} entries` });
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  const byDate = (a: DatedEntry, b: DatedEntry) => a.date.localeCompare(b.date);
  return { ok: true, holidays: holidays.sort(byDate), workdays: workdays.sort(byDate) };
}

/** The import format for a list of entries, e.g. to let an admin download and edit a year. */
export function formatHolidayImport(entries: { holidays: readonly DatedEntry[]; workdays: readonly DatedEntry[] }): string {
  const rows = [
    ...entries.holidays.map((e) => ({ ...e, type: 'holiday' })),
    ...entries.workdays.map((e) => ({ ...e, type: 'workday' })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const lines = ['date,type,name', ...rows.map((r) => `${r.date},${r.type},${r.name}`)];
  return lines.map((line) => `${line}\n`).join('');
}
