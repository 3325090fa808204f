/** Reads a team's duty settings and roster from the database into the pure roster form. */
import type { Tx } from '../../lib/context.ts';
import { DAY_MS } from '../../lib/businessTime/days.ts';
import { DEFAULT_TIME_ZONE } from '../../lib/businessTime/index.ts';
import { overrideKey, type RosterData } from './roster.ts';
import type { RoutingMode } from './tables.ts';

export interface DutySettings {
  teamId: string;
  timeZone: string;
  routingMode: RoutingMode;
  routedTypeKeys: string[];
}

const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The team's settings; a team without a row has the defaults (Shanghai, routing off). */
export async function loadSettings(tx: Tx, teamId: string): Promise<DutySettings> {
  const row = await tx.selectFrom('duty_teams').selectAll().where('team_id', '=', teamId).executeTakeFirst();
  return {
    teamId,
    timeZone: row?.time_zone ?? DEFAULT_TIME_ZONE,
    routingMode: row?.routing_mode ?? 'off',
    routedTypeKeys: row?.routed_type_keys ?? [],
  };
}

/** Shifts of several teams (active only), in display order. */
export async function loadShifts(tx: Tx, teamIds: string[]) {
  if (!teamIds.length) return [];
  return tx
    .selectFrom('duty_shifts')
    .selectAll()
    .where('team_id', 'in', teamIds)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('start_minute')
    .orderBy('created_at')
    .execute();
}

/**
 * The roster of one team with the overrides of local days [fromDay, toDay]
 * (inclusive; callers include the day before a range for overnight shifts).
 */
export async function loadRoster(tx: Tx, teamId: string, timeZone: string, fromDay: number, toDay: number): Promise<RosterData> {
  const shifts = await loadShifts(tx, [teamId]);
  const ids = shifts.map((s) => s.id);
  const pattern = ids.length ? await tx.selectFrom('duty_pattern').selectAll().where('shift_id', 'in', ids).execute() : [];
  const overrides = ids.length
    ? await tx
        .selectFrom('duty_overrides')
        .select(['shift_id', 'on_date', 'user_ids', 'note'])
        .where('shift_id', 'in', ids)
        .where('on_date', '>=', isoOf(fromDay))
        .where('on_date', '<=', isoOf(toDay))
        .execute()
    : [];
  const byShift = new Map<string, Map<number, string[]>>();
  for (const p of pattern) {
    if (!byShift.has(p.shift_id)) byShift.set(p.shift_id, new Map());
    byShift.get(p.shift_id)!.set(p.weekday, p.user_ids);
  }
  return {
    timeZone,
    shifts: shifts.map((s) => ({ id: s.id, name: s.name, startMinute: s.start_minute, endMinute: s.end_minute, weekdays: s.weekdays })),
    pattern: byShift,
    overrides: new Map(overrides.map((o) => [overrideKey(o.shift_id, o.on_date), { userIds: o.user_ids, note: o.note }])),
  };
}

/** Active staff members of the team among `userIds`, with names, ordered by id (the round-robin order). */
export async function activeMembers(tx: Tx, teamId: string, userIds?: string[]) {
  if (userIds && !userIds.length) return [];
  let q = tx
    .selectFrom('team_members as tm')
    .innerJoin('users as u', 'u.id', 'tm.user_id')
    .select(['u.id', 'u.display_name', 'tm.is_lead'])
    .where('tm.team_id', '=', teamId)
    .where('u.disabled_at', 'is', null)
    .where('u.role', '<>', 'customer');
  if (userIds) q = q.where('u.id', 'in', userIds);
  return q.orderBy('u.id').execute();
}
