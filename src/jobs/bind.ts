/** Binds the job queue to one transaction, for a command's context. */
import type { Tx, TxJobs } from '../lib/context.ts';
import type { JobQueue } from './queue.ts';

export function jobsIn(queue: JobQueue, tx: Tx): TxJobs {
  return {
    schedule: (job, data, options) => queue.sendIn(tx, job, data, options),
    scheduleMany: (job, items) => queue.sendManyIn(tx, job, items),
    insertFragment: (job, items) => queue.insertFragment(job, items),
    cancel: (job, ids) => queue.cancelIn(tx, job, ids),
  };
}
