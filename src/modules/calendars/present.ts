import type { Selectable } from 'kysely';
import type { CalendarSummary, CalendarView } from './schema.ts';
import type { BusinessCalendarDatesTable, BusinessCalendarsTable } from './tables.ts';

type Row = Selectable<BusinessCalendarsTable>;
type DateRow = Pick<Selectable<BusinessCalendarDatesTable>, 'date' | 'kind' | 'name'>;

export interface DateCounts {
  holidayCount: number;
  workdayCount: number;
  lastDate: string | null;
}

export function presentSummary(row: Row, counts: DateCounts): CalendarSummary {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    isDefault: row.is_default,
    archived: row.archived_at !== null,
    ...counts,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function countDates(dates: readonly DateRow[]): DateCounts {
  return {
    holidayCount: dates.filter((d) => d.kind === 'holiday').length,
    workdayCount: dates.filter((d) => d.kind === 'workday').length,
    lastDate: dates.reduce<string | null>((last, d) => (last === null || d.date > last ? d.date : last), null),
  };
}

export function presentView(row: Row, dates: readonly DateRow[]): CalendarView {
  return {
    ...presentSummary(row, countDates(dates)),
    weekly: {
      0: row.weekly[0] ?? [],
      1: row.weekly[1] ?? [],
      2: row.weekly[2] ?? [],
      3: row.weekly[3] ?? [],
      4: row.weekly[4] ?? [],
      5: row.weekly[5] ?? [],
      6: row.weekly[6] ?? [],
    },
    workdayHours: row.workday_hours,
    dates: [...dates].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    createdAt: row.created_at.toISOString(),
  };
}
