/** A customer's audit log: every change to it and its contacts, assets and contracts, newest first. */
import type { Ctx } from '../../../lib/context.ts';
import { offsetOf, type PageQuery } from '../../../lib/pagination.ts';
import { authorize, loadVisibleCustomer } from '../policy.ts';

export async function customerAudit(ctx: Ctx, customerId: string, page: PageQuery) {
  await loadVisibleCustomer(ctx, customerId);
  authorize(ctx.actor, 'seeAudit');
  const base = ctx.tx.selectFrom('events as e').where('e.subject_type', '=', 'customer').where('e.subject_id', '=', customerId);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.occurred_at', 'e.type', 'e.data', 'e.actor_id', 'u.display_name'])
    .orderBy('e.id', 'desc')
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: Number(r.id),
      occurredAt: r.occurred_at.toISOString(),
      type: r.type,
      actor: r.actor_id ? { id: r.actor_id, displayName: r.display_name ?? '' } : null,
      data: r.data,
    })),
  };
}
