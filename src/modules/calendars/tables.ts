import type { ColumnType, Generated } from 'kysely';
import type { Weekday, WorkingInterval } from '../../lib/businessTime/index.ts';

type Json<T> = ColumnType<T, string | undefined, string>;

export type CalendarDateKind = 'holiday' | 'workday';

export interface BusinessCalendarsTable {
  id: Generated<string>;
  name: string;
  time_zone: ColumnType<string, string | undefined, string>;
  weekly: Json<Record<Weekday, WorkingInterval[]>>;
  workday_hours: ColumnType<WorkingInterval[] | null, string | null | undefined, string | null>;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface BusinessCalendarDatesTable {
  calendar_id: string;
  /** 'YYYY-MM-DD' (dates are read as strings, see db/database.ts). */
  date: string;
  kind: CalendarDateKind;
  name: ColumnType<string, string | undefined, string>;
}

export interface CalendarTables {
  business_calendars: BusinessCalendarsTable;
  business_calendar_dates: BusinessCalendarDatesTable;
}
