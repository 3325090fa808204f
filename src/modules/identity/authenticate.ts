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

/**
 * Session lookups are cached in this process for a few seconds, keyed by the
 * token hash: the lookup (a join with two team subselects) ran before every
 * request, and on PGlite every statement is CPU on the main thread.
 *
 * This process forgets every cached actor when a session ends or an account
 * changes (logout, password change, user disable/role/team change, team
 * membership change): see forgetSessionActors. Another instance serving the
 * same database does not hear of it, so there a revoked session or an old
 * role may live on for up to SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 5_000;
const MAX_CACHED_SESSIONS = 10_000;

interface Cached {
  actor: Actor;
  until: number;
  /** The generation it was read in; an entry from before a forget is not used. */
  generation: number;
}

const caches = new WeakMap<Kysely<DB>, Map<string, Cached>>();
/** Bumped by every forget: older entries are not used, and a lookup that started before it stores nothing. */
let generation = 0;

/**
 * Forgets every cached session actor. Call it AFTER the change is committed: a
 * lookup that read the old rows before the commit then does not store them.
 */
export function forgetSessionActors(): void {
  generation++;
}

export async function actorFromSession(db: Kysely<DB>, token: string): Promise<Actor | null> {
  const hash = sha256(token);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const now = Date.now();
  const hit = cache.get(hash);
  if (hit && hit.until > now && hit.generation === generation) return hit.actor;
  if (hit) cache.delete(hash);
  const started = generation;
  const row = await actorQuery(db)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .select('s.expires_at')
    .where('s.id', '=', hash)
    .where('s.expires_at', '>', new Date(now))
    .executeTakeFirst();
  if (!row) return null;
  const actor = toActor(row, 'session');
  if (started === generation) {
    if (cache.size >= MAX_CACHED_SESSIONS) cache.clear();
    cache.set(hash, { actor, generation, until: Math.min(now + SESSION_CACHE_MS, row.expires_at.getTime()) });
  }
  return actor;
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
