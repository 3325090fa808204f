/** Shapes duty rows for replies. */
import type { Selectable } from 'kysely';
import type { ShiftView } from './schema.ts';
import { isOvernight, timeOf } from './roster.ts';
import type { DutyShiftsTable } from './tables.ts';

export function presentShift(row: Selectable<DutyShiftsTable>): ShiftView {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    startTime: timeOf(row.start_minute),
    endTime: timeOf(row.end_minute),
    overnight: isOvernight({ startMinute: row.start_minute, endMinute: row.end_minute }),
    weekdays: row.weekdays,
    position: row.position,
  };
}
