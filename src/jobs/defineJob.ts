/**
 * A job is a typed definition: a stable name, a Zod schema for its data, and a
 * handler that calls module commands. Handlers run as the system actor in one
 * transaction per job, like a request runs as its user.
 */
import type { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { JobQueue } from './queue.ts';

export interface JobContext {
  database: Database;
  /** pg-boss's id of this run, for logs. */
  jobId: string;
  /** The queue, for follow-up jobs (use inSystemTransaction to get a ctx bound to it). */
  queue: JobQueue;
}

export interface JobDefinition<S extends z.ZodTypeAny = z.ZodTypeAny> {
  name: string;
  schema: S;
  handler(data: z.infer<S>, context: JobContext): Promise<void>;
}

export function defineJob<S extends z.ZodTypeAny>(definition: JobDefinition<S>): JobDefinition<S> {
  if (!/^[a-z][a-zA-Z0-9.-]*$/.test(definition.name)) throw new Error(`bad job name: ${definition.name}`);
  return definition;
}
