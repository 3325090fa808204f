/** Creating, changing and archiving a team's shifts. */
import type { Ctx } from '../../../lib/context.ts';
import { recordEvent } from '../../events/record.ts';
import { presentShift } from '../present.ts';
import { minutesOf } from '../roster.ts';
import type { CreateShiftBody, ShiftView, UpdateShiftBody } from '../schema.ts';
import { loadShift, loadTeam } from './team.ts';

const sortedDays = (days: number[]) => [...new Set(days)].sort((a, b) => a - b);

export async function createShift(ctx: Ctx, teamId: string, input: CreateShiftBody): Promise<ShiftView> {
  await loadTeam(ctx, teamId, { manage: true });
  const row = await ctx.tx
    .insertInto('duty_shifts')
    .values({
      team_id: teamId,
      name: input.name,
      start_minute: minutesOf(input.startTime),
      end_minute: minutesOf(input.endTime),
      weekdays: sortedDays(input.weekdays),
      position: input.position ?? 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = presentShift(row);
  await recordEvent(ctx, { subjectType: 'team', subjectId: teamId, type: 'duty.shiftCreated', data: { shift: view } });
  return view;
}

export async function updateShift(ctx: Ctx, shiftId: string, input: UpdateShiftBody): Promise<ShiftView> {
  const before = await loadShift(ctx, shiftId, { manage: true });
  const row = await ctx.tx
    .updateTable('duty_shifts')
    .set({
      updated_at: new Date(),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.startTime !== undefined ? { start_minute: minutesOf(input.startTime) } : {}),
      ...(input.endTime !== undefined ? { end_minute: minutesOf(input.endTime) } : {}),
      ...(input.weekdays !== undefined ? { weekdays: sortedDays(input.weekdays) } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.archived ? { archived_at: new Date() } : {}),
    })
    .where('id', '=', shiftId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = presentShift(row);
  await recordEvent(ctx, {
    subjectType: 'team',
    subjectId: before.team_id,
    type: input.archived ? 'duty.shiftArchived' : 'duty.shiftUpdated',
    data: { before: presentShift(before), after: view },
  });
  return view;
}
