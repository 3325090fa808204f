/** Loading a team for duty commands, and checks shared by them. */
import type { Ctx } from '../../../lib/context.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { activeMembers } from '../load.ts';
import { requireManage, requireStaff } from '../policy.ts';

/** The active team, or 404; `manage` also requires the right to edit its roster. */
export async function loadTeam(ctx: Ctx, teamId: string, options: { manage?: boolean } = {}) {
  requireStaff(ctx.actor);
  const team = await ctx.tx
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('id', '=', teamId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!team) throw notFound('TEAM_NOT_FOUND');
  if (options.manage) requireManage(ctx.actor, teamId);
  return team;
}

/** Loads a shift and its team, or 404 (an archived shift is gone for editing). */
export async function loadShift(ctx: Ctx, shiftId: string, options: { manage?: boolean } = {}) {
  requireStaff(ctx.actor);
  const shift = await ctx.tx
    .selectFrom('duty_shifts')
    .selectAll()
    .where('id', '=', shiftId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!shift) throw notFound('DUTY_SHIFT_NOT_FOUND');
  await loadTeam(ctx, shift.team_id, options);
  return shift;
}

/** Everyone put on duty must be an active staff member of the team. */
export async function checkMembers(ctx: Ctx, teamId: string, userIds: string[]): Promise<string[]> {
  const unique = [...new Set(userIds)];
  const found = await activeMembers(ctx.tx, teamId, unique);
  if (found.length !== unique.length) throw invalid({ field: 'userIds' }, 'DUTY_USER_NOT_IN_TEAM');
  return unique;
}
