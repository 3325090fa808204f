/** Checks shared by several work order commands. */
import { sql } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, invalid } from '../../../lib/errors.ts';
import { can, onlyQualityReach, type WorkOrderAccess, type WorkOrderAction } from '../policy.ts';

/** The assignee must be an active staff member of the team (of any team when the order has none). */
export async function checkAssignee(ctx: Ctx, teamId: string | null, assigneeId: string): Promise<void> {
  let q = ctx.tx
    .selectFrom('users')
    .select('users.id')
    .where('users.id', '=', assigneeId)
    .where('users.disabled_at', 'is', null)
    .where('users.role', '<>', 'customer');
  if (teamId) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('team_members')
          .select(sql`1`.as('one'))
          .whereRef('team_members.user_id', '=', 'users.id')
          .where('team_members.team_id', '=', teamId),
      ),
    );
  }
  if (!(await q.executeTakeFirst())) throw invalid({ field: 'assigneeId' }, 'ASSIGNEE_NOT_IN_TEAM');
}

/** Contact and asset must belong to the order's customer. */
export async function checkBelongsToCustomer(
  ctx: Ctx,
  customerId: string,
  refs: { contactId?: string | null; assetId?: string | null },
): Promise<void> {
  if (refs.contactId) {
    const found = await ctx.tx
      .selectFrom('contacts')
      .select('id')
      .where('id', '=', refs.contactId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    if (!found) throw invalid({ field: 'contactId', reason: 'not a contact of this customer' });
  }
  if (refs.assetId) {
    const found = await ctx.tx
      .selectFrom('assets')
      .select('id')
      .where('id', '=', refs.assetId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    if (!found) throw invalid({ field: 'assetId', reason: 'not an asset of this customer' });
  }
}

export function authorize(ctx: Ctx, action: WorkOrderAction, order: WorkOrderAccess): void {
  if (!can(ctx.actor, action, order)) throw forbidden();
}

/**
 * Columns to set whenever staff act on an order: an order a customer opened gets
 * its first-contact owner (首问负责人) from the first staff member who replies,
 * transitions or assigns it. Never changed afterwards.
 */
export function touchBy(ctx: Ctx, order: WorkOrderAccess) {
  // Quality noting another team's complaint or return does not become its owner (nor gain the owner's rights).
  const claim =
    ctx.actor.role !== 'customer' && ctx.actor.via !== 'system' && order.first_contact_id === null && !onlyQualityReach(ctx.actor, order);
  return { updated_at: new Date(), ...(claim ? { first_contact_id: ctx.actor.id } : {}) };
}
