/**
 * Job handlers act as the system actor, in one transaction per run, with the
 * same commands and checks a request uses.
 */
import { type Ctx, inCommandTransaction } from '../lib/context.ts';
import { SYSTEM_ACTOR } from '../modules/identity/authenticate.ts';
import { jobsIn } from './bind.ts';
import type { JobContext } from './defineJob.ts';

export function inSystemTransaction<T>(context: JobContext, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return inCommandTransaction(
    context.database,
    (tx, afterCommit) => ({ actor: SYSTEM_ACTOR, tx, lang: 'zh-CN', jobs: jobsIn(context.queue, tx), afterCommit }),
    fn,
  );
}
