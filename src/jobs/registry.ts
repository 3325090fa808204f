/**
 * Every job Kefu runs, in one list: the queue creates a queue per job and, in
 * worker processes, a handler. Modules add their definitions here (SLA timers,
 * follow-up reminders, … arrive with their issues).
 */
import { slaRecalculateJob } from '../modules/sla/recalculateJob.ts';
import { slaTimerJob } from '../modules/sla/timerJob.ts';
import { sendOutboundJob } from '../modules/outbound/sendJob.ts';
import type { JobDefinition } from './defineJob.ts';

export const ALL_JOBS: JobDefinition[] = [slaTimerJob, slaRecalculateJob, sendOutboundJob];
