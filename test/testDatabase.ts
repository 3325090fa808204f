/**
 * A fresh, migrated database for each test file: in-memory PGlite by default, or
 * a new database on the PostgreSQL server named by KEFU_TEST_DATABASE_URL when the
 * "postgres" test project runs. PostgreSQL databases are cloned from a migrated
 * template (one per migration set) so each file starts in milliseconds.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.ts';
import { listMigrations, migrate } from '../src/db/migrate.ts';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  return process.env.KEFU_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function serverUrl(): string {
  const url = process.env.KEFU_TEST_DATABASE_URL;
  if (!url) throw new Error('KEFU_TEST_DATABASE_URL is required for the postgres test project');
  return url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function ensureTemplate(admin: pg.Client): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (const m of listMigrations()) hash.update(m.name).update(m.sql);
  const name = `kefu_tpl_${hash.digest('hex').slice(0, 16)}`;
  await admin.query('select pg_advisory_lock(7304212)');
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_build_${process.pid}`;
      await admin.query(`create database "${building}"`);
      const db = await openDatabase({ url: withDatabase(serverUrl(), building), poolSize: 1 });
      await migrate(db);
      await db.close();
      await admin.query(`alter database "${building}" rename to "${name}"`);
    }
  } finally {
    await admin.query('select pg_advisory_unlock(7304212)');
  }
  return name;
}

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL URL of this database (postgres kind only). */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDbKind() === 'pglite') {
    const database = await openDatabase({});
    await migrate(database);
    return { database, drop: () => database.close() };
  }
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    const template = await ensureTemplate(admin);
    const name = `kefu_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    await admin.query(`create database "${name}" template "${template}"`);
    const url = withDatabase(serverUrl(), name);
    const database = await openDatabase({ url, poolSize: 10 });
    return {
      database,
      url,
      async drop() {
        await database.close().catch(() => {});
        const c = new pg.Client({ connectionString: serverUrl() });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      },
    };
  } finally {
    await admin.end();
  }
}
