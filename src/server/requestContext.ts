/** Opens the request's one transaction and hands the command its context. */
import type { FastifyRequest } from 'fastify';
import { type Ctx, inTransaction } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';

export function withCtx<T>(request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 401);
  return inTransaction(request.server.database.db, (tx) => fn({ actor, tx, lang: request.lang }));
}

/**
 * For a command that writes in exactly ONE statement: runs it without BEGIN/COMMIT,
 * the statement being its own transaction. Saves two round trips, and a lock the
 * statement takes is released by the database at once, not after the reply to
 * Node and a COMMIT. Anything with two statements must use withCtx.
 */
export function withSingleStatement<T>(request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 401);
  return fn({ actor, tx: request.server.database.db, lang: request.lang });
}
