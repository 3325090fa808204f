/** Opens the request's one transaction and hands the command its context. */
import type { FastifyRequest } from 'fastify';
import { jobsIn } from '../jobs/bind.ts';
import { type Ctx, inTransaction } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';

export function withCtx<T>(request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 401);
  return inTransaction(request.server.database.db, (tx) => fn({ actor, tx, lang: request.lang, jobs: jobsIn(request.server.jobs, tx) }));
}

