/**
 * Opens the database: embedded PGlite on a data directory, or a PostgreSQL server
 * when a URL is given. Both speak the same SQL through one Kysely instance.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { Lock, PGliteDialect } from './pgliteDialect.ts';
import { PreparingClient, preparingEnabled } from './preparedClient.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Runs a multi-statement SQL script (migrations); no parameters. */
  exec(script: string): Promise<void>;
  /**
   * One raw statement outside Kysely (the job queue's own SQL). Without values a
   * multi-statement script is allowed and the last statement's rows come back.
   * On PGlite it waits its turn like every other query, so it never runs inside
   * someone else's transaction.
   */
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Hears NOTIFY on a channel (realtime fan-out between instances). On PostgreSQL
   * it holds one dedicated connection outside the pool and reconnects if it drops;
   * `onReconnect` then says messages may have been missed. Returns the unlisten.
   */
  listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when set PGlite is not used. */
  url?: string;
  /** PGlite data directory; omitted means in memory (tests). */
  dataDir?: string;
  /** PGlite: start from a dump made by dumpDataDir (tests use a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

const INT8 = 20;

/** Channel names are put into LISTEN as identifiers; only plain names are allowed. */
function checkChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid channel name: ${channel}`);
}
const DATE = 1082;

/** Dates stay 'YYYY-MM-DD' strings (no time zone shifts); counts come back as numbers. */
const parsers = {
  [INT8]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Repeated statements are prepared per connection (preparedClient.ts explains).
    ...(preparingEnabled() ? { Client: PreparingClient } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid in parsers
          ? parsers[oid as keyof typeof parsers]
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection can be ended by the server (restart, failover,
  // pg_terminate_backend); pg reports that as an 'error' event, which would crash
  // the process if nobody listened. The pool replaces the connection on next use.
  pool.on('error', (error) => {
    console.warn(`database: idle connection lost (${error.message}); it will be replaced`);
  });
  // A misconfigured URL should fail at start with a clear message, not on the first request.
  const client = await pool.connect();
  client.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const listeners = new Set<() => Promise<void>>();
  return {
    kind: 'postgres',
    db,
    async exec(script) {
      const conn = await pool.connect();
      try {
        await conn.query(script);
      } catch (error) {
        // A failed script may leave its transaction open on this connection.
        await conn.query('rollback').catch(() => {});
        throw error;
      } finally {
        conn.release();
      }
    },
    async query(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      // A multi-statement script answers with one result per statement.
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [] };
    },
    async listen(channel, onMessage, onReconnect) {
      checkChannel(channel);
      const stop = await listenPostgres(url, channel, onMessage, onReconnect);
      const unlisten = async () => {
        listeners.delete(unlisten);
        await stop();
      };
      listeners.add(unlisten);
      return unlisten;
    },
    async close() {
      for (const unlisten of [...listeners]) await unlisten();
      await db.destroy();
    },
  };
}

/**
 * A LISTEN connection of its own: a pooled connection would be handed to queries
 * and could be closed when idle. When it drops (server restart, terminated backend)
 * it is reopened with growing delays; the caller hears onReconnect, since whatever
 * was notified in between is lost.
 */
async function listenPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect?: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;

  const open = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel === channel) onMessage(message.payload ?? '');
    });
    client.on('error', (error) => {
      console.warn(`database: listen connection lost (${error.message}); reconnecting`);
    });
    client.on('end', () => {
      if (current !== client || stopped) return;
      current = null;
      retry();
    });
    await client.connect();
    await client.query(`listen ${channel}`);
    current = client;
    failures = 0;
  };
  const retry = () => {
    const delay = Math.min(30_000, 500 * 2 ** failures);
    failures++;
    retryTimer = setTimeout(() => {
      if (stopped) return;
      open().then(
        () => onReconnect?.(),
        () => retry(),
      );
    }, delay);
  };

  await open();
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    const client = current;
    current = null;
    await client?.end().catch(() => {});
  };
}

async function openPglite(options: OpenOptions): Promise<Database> {
  if (options.dataDir) fs.mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers,
  });
  const lock = new Lock();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client, lock) });
  return {
    kind: 'pglite',
    db,
    async exec(script) {
      await lock.acquire();
      try {
        await client.exec(script);
      } catch (error) {
        await client.exec('rollback').catch(() => {});
        throw error;
      } finally {
        lock.release();
      }
    },
    async query(text, values) {
      await lock.acquire();
      try {
        if (values?.length) return { rows: (await client.query<Record<string, unknown>>(text, values)).rows };
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      } finally {
        lock.release();
      }
    },
    async listen(channel, onMessage) {
      checkChannel(channel);
      // LISTEN inside someone else's open transaction would vanish with its rollback.
      await lock.acquire();
      try {
        const unlisten = await client.listen(channel, onMessage);
        return async () => {
          await lock.acquire();
          try {
            await unlisten();
          } finally {
            lock.release();
          }
        };
      } finally {
        lock.release();
      }
    },
    async close() {
      await db.destroy();
      await client.close();
    },
  };
}
