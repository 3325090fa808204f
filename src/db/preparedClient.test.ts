/**
 * Repeated writes are prepared once per PostgreSQL connection; reads (which need
 * plans made for their values) and transaction control are not, and
 * KEFU_PG_PREPARE=off turns it off (poolers that cannot keep prepared statements).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDbKind } from '../../test/testDatabase.ts';
import { openDatabase } from './database.ts';

describe.runIf(testDbKind() === 'postgres')('prepared statements on PostgreSQL', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test?.drop());

  /** Statements prepared on a one-connection pool after running a write and a read three times each in a transaction. */
  async function preparedAfterRuns(env: string | undefined): Promise<string[]> {
    const before = process.env.KEFU_PG_PREPARE;
    if (env === undefined) delete process.env.KEFU_PG_PREPARE;
    else process.env.KEFU_PG_PREPARE = env;
    const database = await openDatabase({ url: test.url!, poolSize: 1 });
    try {
      return await database.db.transaction().execute(async (tx) => {
        for (let i = 0; i < 3; i++) {
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from teams where name <> ${`probe ${i}`}`.execute(tx);
          expect(rows[0]!.n).toBeGreaterThan(0);
          await sql`update teams set updated_at = updated_at where name = ${`probe ${i}`}`.execute(tx);
        }
        const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(tx);
        return rows.map((r) => r.statement);
      });
    } finally {
      await database.close();
      if (before === undefined) delete process.env.KEFU_PG_PREPARE;
      else process.env.KEFU_PG_PREPARE = before;
    }
  }

  it('prepares a write from its second run on, and never a read, BEGIN or COMMIT', async () => {
    const statements = await preparedAfterRuns(undefined);
    expect(statements.filter((s) => s.includes('update teams set updated_at'))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('from teams where name <>'))).toHaveLength(0);
    expect(statements.some((s) => /^\s*(begin|commit)/i.test(s))).toBe(false);
  });

  it('prepares nothing with KEFU_PG_PREPARE=off', async () => {
    const statements = await preparedAfterRuns('off');
    expect(statements.filter((s) => s.includes('update teams set updated_at'))).toHaveLength(0);
  });
});
