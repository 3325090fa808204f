/**
 * The SLA timer: one queued job per order (orders created together may share
 * one), due at the earliest next step of the order's live clocks — a warning
 * percentage or a breach. The handler re-reads the clocks, so a stale, early or
 * duplicate run changes nothing; see fireStep.ts and store.ts syncTimer.
 */
import { z } from 'zod';
import { defineJob } from '../../jobs/defineJob.ts';

/** More than a create batch holds (createBatch.ts MAX_BATCH). */
const MAX_ORDERS_PER_TIMER = 100;

export const slaTimerJob = defineJob({
  name: 'sla.timer',
  schema: z.union([
    z.object({ workOrderIds: z.array(z.uuid()).min(1).max(MAX_ORDERS_PER_TIMER) }),
    // A timer queued before timers were per order: one clock and its step.
    z.object({ clockId: z.uuid(), percent: z.number().int() }),
  ]),
  // Loaded on first run: the handler uses the clock engine, which schedules this job.
  handler: async (data, context) => (await import('./fireStep.ts')).fireTimer(data, context),
});
