/** Reading the roster as people use it: who is on duty now (or at a time), the teams list, and my own duty schedule. */
import type { Ctx } from '../../../lib/context.ts';
import { dayNumber, isoDate } from '../../../lib/businessTime/days.ts';
import { activeMembers, loadRoster, loadSettings } from '../load.ts';
import { canManageDuty, requireStaff } from '../policy.ts';
import { localDay, rosterDays, shiftsAt } from '../roster.ts';
import type { OnDutyView } from '../schema.ts';
import type { RoutingMode } from '../tables.ts';
import { loadTeam } from './team.ts';

export async function onDutyAt(ctx: Ctx, teamId: string, at: number): Promise<OnDutyView> {
  const team = await loadTeam(ctx, teamId);
  const settings = await loadSettings(ctx.tx, teamId);
  const today = localDay(settings.timeZone, at);
  const roster = await loadRoster(ctx.tx, teamId, settings.timeZone, today - 1, today);
  const running = shiftsAt(roster, at);
  const people = await activeMembers(ctx.tx, teamId, [...new Set(running.flatMap((s) => s.userIds))]);
  return {
    teamId,
    teamName: team.name,
    at: new Date(at).toISOString(),
    timeZone: settings.timeZone,
    routingMode: settings.routingMode,
    people: people
      .map((p) => {
        const shifts = running.filter((s) => s.userIds.includes(p.id));
        return {
          id: p.id,
          displayName: p.display_name,
          shiftNames: shifts.map((s) => s.shift.name),
          until: new Date(Math.max(...shifts.map((s) => s.endsAt))).toISOString(),
        };
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}

/** Teams with their routing mode, for the roster page's team picker: my teams first. */
export async function listDutyTeams(ctx: Ctx) {
  requireStaff(ctx.actor);
  const rows = await ctx.tx
    .selectFrom('teams')
    .leftJoin('duty_teams', 'duty_teams.team_id', 'teams.id')
    .select(['teams.id', 'teams.name', 'duty_teams.routing_mode'])
    .where('teams.archived_at', 'is', null)
    .orderBy('teams.created_at')
    .orderBy('teams.name')
    .execute();
  const mine = (id: string) => (ctx.actor.teamIds.includes(id) ? 0 : 1);
  return {
    items: rows
      .map((r) => ({ id: r.id, name: r.name, routingMode: (r.routing_mode ?? 'off') as RoutingMode, canManage: canManageDuty(ctx.actor, r.id) }))
      .sort((a, b) => mine(a.id) - mine(b.id)),
  };
}

/** On duty now in each of my teams that has shifts (for the workspace). */
export async function onDutyInMyTeams(ctx: Ctx): Promise<{ items: OnDutyView[] }> {
  requireStaff(ctx.actor);
  if (!ctx.actor.teamIds.length) return { items: [] };
  const withShifts = await ctx.tx
    .selectFrom('duty_shifts')
    .select('team_id')
    .distinct()
    .where('team_id', 'in', ctx.actor.teamIds)
    .where('archived_at', 'is', null)
    .execute();
  const now = Date.now();
  const items: OnDutyView[] = [];
  for (const { team_id } of withShifts) items.push(await onDutyAt(ctx, team_id, now));
  return { items: items.sort((a, b) => a.teamName.localeCompare(b.teamName)) };
}

/** My shifts over `days` days from `from` (default: today in each team's time zone), across my teams. */
export async function mySchedule(ctx: Ctx, from: string | undefined, days: number) {
  requireStaff(ctx.actor);
  const teams = ctx.actor.teamIds.length
    ? await ctx.tx.selectFrom('teams').select(['id', 'name']).where('id', 'in', ctx.actor.teamIds).where('archived_at', 'is', null).execute()
    : [];
  const items = [];
  for (const team of teams) {
    const settings = await loadSettings(ctx.tx, team.id);
    const fromDay = from ? dayNumber(from) : localDay(settings.timeZone, Date.now());
    const roster = await loadRoster(ctx.tx, team.id, settings.timeZone, fromDay, fromDay + days - 1);
    for (const s of rosterDays(roster, fromDay, days)) {
      if (!s.userIds.includes(ctx.actor.id)) continue;
      items.push({
        date: isoDate(s.day),
        teamId: team.id,
        teamName: team.name,
        shiftId: s.shift.id,
        shiftName: s.shift.name,
        startsAt: new Date(s.startsAt).toISOString(),
        endsAt: new Date(s.endsAt).toISOString(),
        timeZone: settings.timeZone,
      });
    }
  }
  return { items: items.sort((a, b) => a.startsAt.localeCompare(b.startsAt)) };
}
