/**
 * The SLA timer: one queued job per live clock, due at the moment of its next
 * step (a warning percentage or the breach). The handler re-reads the clock, so
 * a stale or duplicate run changes nothing; see fireStep.ts.
 */
import { z } from 'zod';
import { defineJob } from '../../jobs/defineJob.ts';

export const slaTimerJob = defineJob({
  name: 'sla.timer',
  schema: z.object({ clockId: z.uuid(), percent: z.number().int() }),
  // Loaded on first run: the handler uses the clock engine, which schedules this job.
  handler: async (data, context) => (await import('./fireStep.ts')).fireStep(data, context),
});
