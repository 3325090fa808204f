/**
 * The explicit context every command receives: who acts, in which transaction,
 * in which language. Commands never reach for a global database handle.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { type ConfigCache, configCacheOf } from './configCache.ts';
import type { JobDefinition } from '../jobs/defineJob.ts';
import type { JobInsert, SendOptions } from '../jobs/queue.ts';
import type { Role } from '../modules/identity/roles.ts';
import type { Lang } from './i18n.ts';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamIds: string[];
  /** Teams this user leads (team lead sees and manages the team's queue). */
  leadTeamIds: string[];
  /** Set for customer users: the organisation they belong to. */
  customerId: string | null;
  /** How the request was authenticated; API tokens skip the browser CSRF check. */
  via: 'session' | 'token' | 'system';
}

export type Tx = Transaction<DB> | Kysely<DB>;

/** The job queue bound to the command's transaction: jobs exist only if it commits. */
export interface TxJobs {
  schedule<T>(job: JobDefinition, data: T, options?: SendOptions): Promise<string | null>;
  /** Several jobs in one statement; their ids in the given order. */
  scheduleMany<T>(job: JobDefinition, items: Array<{ data: T; options?: SendOptions }>): Promise<string[]>;
  /** Several jobs as a fragment of the caller's own statement (it commits with the transaction). */
  insertFragment<T>(job: JobDefinition, items: Array<{ data: T; options?: SendOptions }>): Promise<JobInsert>;
  cancel(job: JobDefinition, ids: string[]): Promise<void>;
}

/**
 * Work a command leaves for after its transaction commits: side effects that leave
 * the database and must not happen for a change that rolled back (realtime push).
 * Not run when the transaction fails; not durable (a crash between commit and
 * effect loses it), so only for things a client can recover by refetching.
 */
export type AfterCommit = Array<(database: Database) => void>;

export interface Ctx {
  actor: Actor;
  tx: Tx;
  lang: Lang;
  jobs: TxJobs;
  afterCommit: AfterCommit;
  /** Cached admin configuration (lib/configCache.ts); absent = read the database every time. */
  configCache?: ConfigCache;
  /**
   * How many event subscribers deep this change is (0 for the user's own change).
   * Subscribers that cause further events run one level deeper; see events/dispatch.ts.
   */
  eventDepth?: number;
  /**
   * Set while an automation rule's actions run (modules/automation/engine.ts):
   * every event written then carries it as `data.rule`, and the rule engine
   * ignores such events, so rules never trigger rules.
   */
  rule?: { id: string; name: string };
}

/** Runs fn in one transaction; everything it writes commits or rolls back together. */
export function inTransaction<T>(db: Kysely<DB>, fn: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

/** One command transaction: fn's writes commit together, then its after-commit effects run. */
export async function inCommandTransaction<T>(
  database: Database,
  makeCtx: (tx: Transaction<DB>, afterCommit: AfterCommit) => Ctx,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  const afterCommit: AfterCommit = [];
  const configCache = configCacheOf(database);
  const result = await inTransaction(database.db, (tx) => fn({ ...makeCtx(tx, afterCommit), configCache }));
  for (const effect of afterCommit) effect(database);
  return result;
}

export type MakeCtx = (tx: Transaction<DB>, afterCommit: AfterCommit) => Ctx;

/**
 * Several callers' commands in one transaction (group commit: see
 * workOrders/commands/createBatch.ts). Each caller keeps its own context — actor,
 * language, after-commit effects — and all commit or none do.
 */
export async function inSharedCommandTransaction<T>(database: Database, makers: MakeCtx[], fn: (ctxs: Ctx[]) => Promise<T>): Promise<T> {
  const configCache = configCacheOf(database);
  const effects: AfterCommit[] = makers.map(() => []);
  const result = await inTransaction(database.db, (tx) => fn(makers.map((make, i) => ({ ...make(tx, effects[i]!), configCache }))));
  for (const list of effects) for (const effect of list) effect(database);
  return result;
}
