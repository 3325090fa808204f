/** Opens the request's one transaction and hands the command its context. */
import type { FastifyRequest } from 'fastify';
import { jobsIn } from '../jobs/bind.ts';
import { type Ctx, inCommandTransaction, type MakeCtx } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';

/** How the request's context is made on a given transaction. */
export function ctxMaker(request: FastifyRequest): MakeCtx {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 401);
  const { jobs } = request.server;
  return (tx, afterCommit) => ({ actor, tx, lang: request.lang, jobs: jobsIn(jobs, tx), afterCommit });
}

export function withCtx<T>(request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return inCommandTransaction(request.server.database, ctxMaker(request), fn);
}

