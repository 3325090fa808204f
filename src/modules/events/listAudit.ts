/** The audit log: every recorded change, newest first, for administrators. */
import type { z } from 'zod';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { offsetOf } from '../../lib/pagination.ts';
import type { AuditEntryView, AuditQuery } from './schema.ts';

export async function listAudit(ctx: Ctx, query: z.infer<typeof AuditQuery>): Promise<{ items: AuditEntryView[]; total: number }> {
  if (ctx.actor.role !== 'admin') throw forbidden();
  let q = ctx.tx.selectFrom('events as e');
  if (query.subjectType) q = q.where('e.subject_type', '=', query.subjectType);
  if (query.subjectId) q = q.where('e.subject_id', '=', query.subjectId);
  if (query.actorId) q = q.where('e.actor_id', '=', query.actorId);
  if (query.type) q = q.where('e.type', '=', query.type);
  if (query.from) q = q.where('e.occurred_at', '>=', new Date(query.from));
  if (query.to) q = q.where('e.occurred_at', '<', new Date(query.to));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.occurred_at', 'e.actor_id', 'u.display_name', 'e.subject_type', 'e.subject_id', 'e.type', 'e.data'])
    .orderBy('e.id', 'desc')
    .limit(query.pageSize)
    .offset(offsetOf(query))
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      actor: r.actor_id ? { id: r.actor_id, displayName: r.display_name ?? '' } : null,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      type: r.type,
      data: r.data,
    })),
  };
}
