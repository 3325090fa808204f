/** Teams/departments (客服中心, 维修中心, …) and who belongs to them. */
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { authorize, can } from '../policy.ts';
import type { CreateTeamBody, SetMembersBody, TeamView, UpdateTeamBody } from '../schema.ts';

export async function listTeams(ctx: Ctx, includeArchived: boolean): Promise<z.infer<typeof TeamView>[]> {
  let q = ctx.tx.selectFrom('teams').selectAll().orderBy('created_at').orderBy('name');
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  const teams = await q.execute();
  const members = teams.length
    ? await ctx.tx
        .selectFrom('team_members as tm')
        .innerJoin('users as u', 'u.id', 'tm.user_id')
        .select(['tm.team_id', 'tm.user_id', 'tm.is_lead', 'u.display_name', 'u.role'])
        .where('tm.team_id', 'in', teams.map((t) => t.id))
        .where('u.disabled_at', 'is', null)
        .orderBy('u.display_name')
        .execute()
    : [];
  // Customer users see team names only (e.g. who handles their order), not the staff list.
  const showMembers = can(ctx.actor, 'listUsers');
  return teams.map((t) => ({
    id: t.id,
    key: t.key,
    name: t.name,
    nameEn: t.name_en,
    description: t.description,
    archived: t.archived_at !== null,
    members: showMembers
      ? members
          .filter((m) => m.team_id === t.id)
          .map((m) => ({ userId: m.user_id, displayName: m.display_name, role: m.role, isLead: m.is_lead }))
      : [],
  }));
}

async function getTeam(ctx: Ctx, teamId: string) {
  const team = (await listTeams(ctx, true)).find((t) => t.id === teamId);
  if (!team) throw notFound('TEAM_NOT_FOUND');
  return team;
}

async function assertNameFree(ctx: Ctx, name: string, exceptId?: string) {
  let q = ctx.tx.selectFrom('teams').select('id').where('name', '=', name).where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('TEAM_NAME_TAKEN', 409);
}

export async function createTeam(ctx: Ctx, input: z.infer<typeof CreateTeamBody>) {
  authorize(ctx.actor, 'manageTeams');
  await assertNameFree(ctx, input.name);
  const row = await ctx.tx
    .insertInto('teams')
    .values({ name: input.name, name_en: input.nameEn ?? '', description: input.description ?? '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, { subjectType: 'team', subjectId: row.id, type: 'team.created', data: input });
  return getTeam(ctx, row.id);
}

export async function updateTeam(ctx: Ctx, teamId: string, input: z.infer<typeof UpdateTeamBody>) {
  authorize(ctx.actor, 'manageTeams');
  const before = await ctx.tx.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
  if (!before) throw notFound('TEAM_NOT_FOUND');
  if (input.name && input.name !== before.name) await assertNameFree(ctx, input.name, teamId);
  const after = {
    name: input.name ?? before.name,
    name_en: input.nameEn ?? before.name_en,
    description: input.description ?? before.description,
    archived_at: input.archived === undefined ? before.archived_at : input.archived ? (before.archived_at ?? new Date()) : null,
  };
  await ctx.tx.updateTable('teams').set({ ...after, updated_at: new Date() }).where('id', '=', teamId).execute();
  const change = diff(before, after);
  if (change) await recordEvent(ctx, { subjectType: 'team', subjectId: teamId, type: 'team.updated', data: change });
  return getTeam(ctx, teamId);
}

export async function setTeamMembers(ctx: Ctx, teamId: string, input: z.infer<typeof SetMembersBody>) {
  authorize(ctx.actor, 'manageTeams');
  await getTeam(ctx, teamId);
  const ids = [...new Set(input.members.map((m) => m.userId))];
  if (ids.length !== input.members.length) throw invalid({ field: 'members', reason: 'duplicate user' });
  if (ids.length) {
    const staff = await ctx.tx.selectFrom('users').select('id').where('id', 'in', ids).where('role', '<>', 'customer').execute();
    if (staff.length !== ids.length) throw invalid({ field: 'members', reason: 'unknown or customer user' });
  }
  await ctx.tx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (ids.length) {
    await ctx.tx
      .insertInto('team_members')
      .values(input.members.map((m) => ({ team_id: teamId, user_id: m.userId, is_lead: m.isLead })))
      .execute();
  }
  await recordEvent(ctx, { subjectType: 'team', subjectId: teamId, type: 'team.membersSet', data: { members: input.members } });
  return getTeam(ctx, teamId);
}
