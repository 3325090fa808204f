/**
 * The reference rate: single-row INSERTs, each in its own transaction, one after
 * another, into a scratch table about as wide as a work order, through the same
 * driver the application uses. The create rate is judged against this.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/db/database.ts';

const MAX_ROWS = 200_000; // bound the loop even on a very fast machine

export async function rawInsertRate(database: Database, seconds: number): Promise<{ rows: number; perSecond: number }> {
  // The scratch table is not part of the schema, so Kysely's typed builder does not know it.
  const db = database.db as unknown as Kysely<Record<string, never>>;
  await sql`create table bench_raw_insert (
    id bigserial primary key,
    number text not null,
    subject text not null,
    description text not null,
    customer_id uuid not null,
    status text not null,
    created_at timestamptz not null default now()
  )`.execute(db);
  const customerId = '00000000-0000-4000-8000-000000000001';
  const description = '客户反映设备从今天上午开始出现故障，已尝试重启无效，请尽快安排工程师上门。Customer reports error E102.';
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let rows = 0;
  while (performance.now() < deadline && rows < MAX_ROWS) {
    await db.transaction().execute(async (tx) => {
      await sql`insert into bench_raw_insert (number, subject, description, customer_id, status)
        values (${`R-${rows}`}, ${'打印机卡纸，无法打印'}, ${description}, ${customerId}, ${'new'})`.execute(tx);
    });
    rows++;
  }
  const elapsed = (performance.now() - started) / 1000;
  await sql`drop table bench_raw_insert`.execute(db);
  return { rows, perSecond: rows / elapsed };
}
