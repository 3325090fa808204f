import type { Selectable } from 'kysely';
import type { Tx } from '../../lib/context.ts';
import type { UserView } from './schema.ts';
import type { UsersTable } from './tables.ts';

type UserRow = Selectable<UsersTable>;
type TeamRef = UserView['teams'][number];

/** Loads team memberships for many users in one query. */
export async function teamsOfUsers(tx: Tx, userIds: string[]): Promise<Map<string, TeamRef[]>> {
  const byUser = new Map<string, TeamRef[]>();
  if (userIds.length === 0) return byUser;
  const rows = await tx
    .selectFrom('team_members as tm')
    .innerJoin('teams as t', 't.id', 'tm.team_id')
    .select(['tm.user_id', 't.id', 't.name', 'tm.is_lead'])
    .where('tm.user_id', 'in', userIds)
    .orderBy('t.name')
    .execute();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({ id: row.id, name: row.name, isLead: row.is_lead });
    byUser.set(row.user_id, list);
  }
  return byUser;
}

export function presentUser(row: UserRow, teams: TeamRef[]): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    customerId: row.customer_id,
    contactId: row.contact_id,
    locale: row.locale,
    teams,
    disabled: row.disabled_at !== null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function presentUsers(tx: Tx, rows: UserRow[]): Promise<UserView[]> {
  const teams = await teamsOfUsers(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentUser(row, teams.get(row.id) ?? []));
}
