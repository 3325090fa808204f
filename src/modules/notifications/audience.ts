/**
 * Who may see a work order, asked for many users at once with the one rule in
 * workOrders/policy.ts (visibleTo): a single query per order however many users
 * are asked about. Used for @mentions and for realtime fan-out.
 */
import { sql } from 'kysely';
import type { Actor, Tx } from '../../lib/context.ts';
import { visibleTo } from '../workOrders/policy.ts';

/** Postgres allows 1664 result columns; stay well under it. */
const ACTORS_PER_QUERY = 500;

/** Ids of the actors who may see the order (none if it does not exist). */
export async function whoMaySee(tx: Tx, workOrderId: string, actors: readonly Actor[]): Promise<Set<string>> {
  const allowed = new Set<string>();
  for (let start = 0; start < actors.length; start += ACTORS_PER_QUERY) {
    const chunk = actors.slice(start, start + ACTORS_PER_QUERY);
    const row = await tx
      .selectFrom('work_orders')
      .select((eb) => chunk.map((actor, i) => sql<boolean>`(${visibleTo(actor)(eb)})`.as(`v${i}`)))
      .where('work_orders.id', '=', workOrderId)
      .executeTakeFirst();
    if (!row) return allowed;
    const flags = row as Record<string, boolean>;
    chunk.forEach((actor, i) => {
      if (flags[`v${i}`]) allowed.add(actor.id);
    });
  }
  return allowed;
}

/** Active users as actors (role, teams, organisation), for asking what they may see. */
export async function loadActors(tx: Tx, userIds: readonly string[]): Promise<Actor[]> {
  if (!userIds.length) return [];
  const rows = await tx
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.customer_id',
      sql<string[]>`coalesce((select array_agg(tm.team_id) from team_members tm where tm.user_id = u.id), '{}')`.as('team_ids'),
      sql<string[]>`coalesce((select array_agg(tm.team_id) from team_members tm where tm.user_id = u.id and tm.is_lead), '{}')`.as('lead_team_ids'),
    ])
    .where('u.id', 'in', [...userIds])
    .where('u.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    customerId: r.customer_id,
    teamIds: r.team_ids,
    leadTeamIds: r.lead_team_ids,
    via: 'system' as const,
  }));
}
