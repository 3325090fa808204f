/** Turns a session token or API token into the acting user, or null. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../lib/context.ts';
import { sha256 } from './secrets.ts';

export const API_TOKEN_PREFIX = 'kefu_';

function actorQuery(db: Kysely<DB>) {
  return db
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
    .where('u.disabled_at', 'is', null);
}

type ActorRow = {
  id: string;
  username: string;
  display_name: string;
  role: Actor['role'];
  customer_id: string | null;
  team_ids: string[];
  lead_team_ids: string[];
};

function toActor(row: ActorRow, via: Actor['via']): Actor {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    customerId: row.customer_id,
    teamIds: row.team_ids,
    leadTeamIds: row.lead_team_ids,
    via,
  };
}

export async function actorFromSession(db: Kysely<DB>, token: string): Promise<Actor | null> {
  const row = await actorQuery(db)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .where('s.id', '=', sha256(token))
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();
  return row ? toActor(row, 'session') : null;
}

export async function actorFromApiToken(db: Kysely<DB>, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const hash = sha256(token);
  const row = await actorQuery(db)
    .innerJoin('api_tokens as t', 't.user_id', 'u.id')
    .where('t.token_hash', '=', hash)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', new Date())]))
    .executeTakeFirst();
  if (!row) return null;
  // Last use is informative only; not worth a write on every call.
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', hash)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(Date.now() - 60_000))]))
    .execute();
  return toActor(row, 'token');
}

/** The actor jobs and first-start seeding act as. */
export const SYSTEM_ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: 'System',
  role: 'admin',
  teamIds: [],
  leadTeamIds: [],
  customerId: null,
  via: 'system',
};
