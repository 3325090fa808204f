/**
 * Applies the SQL migrations in ./migrations in name order, each in its own
 * transaction, recording them in schema_migrations. On PostgreSQL an advisory lock
 * keeps two instances starting together from applying the same file twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 7_304_211; // arbitrary, fixed: "kefu migrations"

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ name: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8') }));
}

let knownVersion: string | undefined;

/**
 * The schema version is the name of the newest migration the code knows. Read
 * once: the files ship with the code, and the health check that reports it is
 * polled by load balancers (it read and sorted every migration file each time).
 */
export function schemaVersion(): string {
  knownVersion ??= listMigrations().at(-1)?.name ?? 'none';
  return knownVersion;
}

export async function migrate(database: Database): Promise<string[]> {
  await database.exec(`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`);
  const applied: string[] = [];
  for (const migration of listMigrations()) {
    const lock = database.kind === 'postgres' ? `select pg_advisory_xact_lock(${LOCK_KEY});` : '';
    const done = await sql<{ n: number }>`select count(*)::int as n from schema_migrations where name = ${migration.name}`.execute(database.db);
    if (done.rows[0]?.n) continue;
    const name = migration.name.replace(/'/g, "''");
    // The insert fails on the primary key if another instance won the race; the
    // advisory lock makes the loser wait, and the existence check inside skips the body.
    await database.exec(`begin;
${lock}
do $kefu$ begin
  if exists (select 1 from schema_migrations where name = '${name}') then
    raise exception 'kefu: migration already applied' using errcode = 'KF001';
  end if;
end $kefu$;
${migration.sql}
;
insert into schema_migrations (name) values ('${name}');
commit;`).then(
      () => applied.push(migration.name),
      (error: { code?: string }) => {
        if (error.code !== 'KF001') throw error;
      },
    );
  }
  return applied;
}
