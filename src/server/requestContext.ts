/** Opens the request's one transaction and hands the command its context. */
import type { FastifyRequest } from 'fastify';
import { jobsIn } from '../jobs/bind.ts';
import { type Ctx, inCommandTransaction } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';

export function withCtx<T>(request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 401);
  const { database, jobs } = request.server;
  return inCommandTransaction(database, (tx, afterCommit) => ({ actor, tx, lang: request.lang, jobs: jobsIn(jobs, tx), afterCommit }), fn);
}

