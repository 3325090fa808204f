/**
 * The roster: the weekly pattern (who works a shift on a weekday) and per-date
 * overrides that replace it (swaps, holidays, extra days), and the resolved view
 * of a range of dates that the week grid shows.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { dayNumber, isoDate } from '../../../lib/businessTime/days.ts';
import { recordEvent } from '../../events/record.ts';
import { activeMembers, loadRoster, loadSettings } from '../load.ts';
import { canManageDuty } from '../policy.ts';
import { presentShift } from '../present.ts';
import { localDay, rosterDays } from '../roster.ts';
import type { OverrideBody, RosterView } from '../schema.ts';
import { checkMembers, loadShift, loadTeam } from './team.ts';

export async function getRoster(ctx: Ctx, teamId: string, from: string | undefined, days: number): Promise<RosterView> {
  const team = await loadTeam(ctx, teamId);
  const settings = await loadSettings(ctx.tx, teamId);
  const fromDay = from ? dayNumber(from) : localDay(settings.timeZone, Date.now());
  const roster = await loadRoster(ctx.tx, teamId, settings.timeZone, fromDay, fromDay + days - 1);
  const shifts = await ctx.tx
    .selectFrom('duty_shifts')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('start_minute')
    .orderBy('created_at')
    .execute();
  const members = await activeMembers(ctx.tx, teamId);
  const pattern = [...roster.pattern].flatMap(([shiftId, byDay]) => [...byDay].map(([weekday, userIds]) => ({ shiftId, weekday, userIds })));
  return {
    team,
    routing: { teamId, mode: settings.routingMode, typeKeys: settings.routedTypeKeys, timeZone: settings.timeZone },
    shifts: shifts.map(presentShift),
    pattern,
    days: rosterDays(roster, fromDay, days).map((s) => ({
      date: isoDate(s.day),
      shiftId: s.shift.id,
      userIds: s.userIds,
      overridden: s.overridden,
      note: s.note,
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
    })),
    members: members.map((m) => ({ id: m.id, displayName: m.display_name, isLead: m.is_lead })).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    canManage: canManageDuty(ctx.actor, teamId),
  };
}

/** Sets who works the shift every given weekday. */
export async function setPattern(ctx: Ctx, shiftId: string, weekday: number, userIds: string[]) {
  const shift = await loadShift(ctx, shiftId, { manage: true });
  const ids = await checkMembers(ctx, shift.team_id, userIds);
  await ctx.tx
    .insertInto('duty_pattern')
    .values({ shift_id: shiftId, weekday, user_ids: ids })
    .onConflict((oc) => oc.columns(['shift_id', 'weekday']).doUpdateSet({ user_ids: ids }))
    .execute();
  await recordEvent(ctx, { subjectType: 'team', subjectId: shift.team_id, type: 'duty.patternSet', data: { shiftId, weekday, userIds: ids } });
  return { shiftId, weekday, userIds: ids };
}

/** Replaces the pattern for one date of the shift (an empty list: nobody that day). */
export async function setOverride(ctx: Ctx, shiftId: string, date: string, input: OverrideBody) {
  const shift = await loadShift(ctx, shiftId, { manage: true });
  const ids = await checkMembers(ctx, shift.team_id, input.userIds);
  const values = { user_ids: ids, note: input.note, updated_by: ctx.actor.id, updated_at: new Date() };
  await ctx.tx
    .insertInto('duty_overrides')
    .values({ shift_id: shiftId, on_date: date, ...values })
    .onConflict((oc) => oc.columns(['shift_id', 'on_date']).doUpdateSet(values))
    .execute();
  await recordEvent(ctx, {
    subjectType: 'team',
    subjectId: shift.team_id,
    type: 'duty.overrideSet',
    data: { shiftId, date, userIds: ids, note: input.note },
  });
  return { shiftId, date, userIds: ids, note: input.note };
}

/** Back to the weekly pattern for that date. */
export async function clearOverride(ctx: Ctx, shiftId: string, date: string): Promise<void> {
  const shift = await loadShift(ctx, shiftId, { manage: true });
  const deleted = await ctx.tx
    .deleteFrom('duty_overrides')
    .where('shift_id', '=', shiftId)
    .where('on_date', '=', sql<string>`${date}::date`)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) > 0) {
    await recordEvent(ctx, { subjectType: 'team', subjectId: shift.team_id, type: 'duty.overrideCleared', data: { shiftId, date } });
  }
}
