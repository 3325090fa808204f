/**
 * Runs one step inside a savepoint of the request's transaction, so a step that
 * fails (a refused transition, a bad assignee, a database error) is undone whole
 * while the user's own change and the other steps stay.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../lib/context.ts';

let counter = 0;

/** `keep: false` always rolls back: a dry run that shows what would happen and writes nothing. */
export async function inSavepoint<T>(ctx: Ctx, fn: () => Promise<T>, options: { keep: boolean } = { keep: true }): Promise<T> {
  if (!ctx.tx.isTransaction) throw new Error('inSavepoint needs a transaction');
  counter = (counter + 1) % 1_000_000;
  const name = sql.raw(`automation_${counter}`);
  await sql`savepoint ${name}`.execute(ctx.tx);
  try {
    const result = await fn();
    await sql`${sql.raw(options.keep ? 'release savepoint' : 'rollback to savepoint')} ${name}`.execute(ctx.tx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(ctx.tx);
    throw error;
  }
}
