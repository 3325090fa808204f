/**
 * The durable job queue (pg-boss) on Kefu's own database: PGlite or PostgreSQL,
 * same code. Timers are jobs with a start time, so they survive restarts and fire
 * at their moment (polled every half second); on PostgreSQL several instances
 * share the queue and each job runs once (pg-boss fetches with SKIP LOCKED).
 *
 * pg-boss talks to the database through `Database.query`, so on PGlite its
 * statements wait for the single connection like any request and never land
 * inside another transaction.
 */
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import type { JobDefinition } from './defineJob.ts';

export interface SendOptions {
  /** Run no earlier than this moment (timers). */
  startAfter?: Date;
  /** At most one queued job with this key per queue (e.g. one SLA timer per order and clock). */
  singletonKey?: string;
  retryLimit?: number;
}

export interface JobQueue {
  send<T>(job: JobDefinition, data: T, options?: SendOptions): Promise<string | null>;
  /** Cancels queued jobs by id (e.g. a timer that no longer applies). */
  cancel(job: JobDefinition, ids: string[]): Promise<void>;
  stop(): Promise<void>;
}

export interface QueueOptions {
  /** Handle jobs in this process (KEFU_ROLE all|worker); web-only instances only send. */
  work: boolean;
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
}

export async function startJobQueue(
  database: Database,
  jobs: JobDefinition[],
  options: QueueOptions,
): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => database.query(text, values) },
    schema: 'pgboss',
    // Kefu schedules with start times, not cron; maintenance still runs.
    schedule: false,
  });
  boss.on('error', (error: Error) => (options.onError ?? ((e) => console.error('job queue:', e.message)))(error));
  await boss.start();

  for (const job of jobs) {
    await boss.createQueue(job.name);
    if (!options.work) continue;
    await boss.work(
      job.name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5, batchSize: 1 },
      async ([item]) => {
        if (!item) return;
        const data = job.schema.parse(item.data);
        await job.handler(data, { database, jobId: item.id });
      },
    );
  }

  return {
    async send(job, data, sendOptions = {}) {
      const payload = job.schema.parse(data) as object;
      return boss.send(job.name, payload, {
        startAfter: sendOptions.startAfter,
        singletonKey: sendOptions.singletonKey,
        retryLimit: sendOptions.retryLimit ?? 3,
      });
    },
    async cancel(job, ids) {
      if (ids.length) await boss.cancel(job.name, ids);
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
