/** What contacts, assets and contracts share: the parent check and the audit entry on the customer. */
import type { Ctx } from '../../../lib/context.ts';
import { conflict } from '../../../lib/errors.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { type CustomerAction, authorize, loadVisibleCustomer } from '../policy.ts';
import { refreshCustomer } from '../searchIndex.ts';

export type ChildEntity = 'contact' | 'asset' | 'contract';

/** Locks the parent customer, checks the actor may change it, and that it is not archived. */
export async function openParent(ctx: Ctx, customerId: string, action: CustomerAction = 'edit') {
  const customer = await loadVisibleCustomer(ctx, customerId, { forUpdate: true });
  authorize(ctx.actor, action);
  if (customer.archived_at !== null) throw conflict('CUSTOMER_ARCHIVED');
  return customer;
}

/**
 * After a child changed: refresh the customer's search vector and completeness,
 * and write the audit entry on the customer (subject = customer, data names the child).
 */
export async function childChanged(
  ctx: Ctx,
  entity: ChildEntity,
  verb: 'created' | 'updated' | 'archived' | 'restored',
  customerId: string,
  entityId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Promise<void> {
  await refreshCustomer(ctx.tx, customerId);
  let change: { before: Record<string, unknown> | null; after: Record<string, unknown> } | null = { before, after };
  if (before && verb === 'updated') change = diff(before, after);
  if (!change) return;
  await recordEvent(ctx, {
    subjectType: 'customer',
    subjectId: customerId,
    type: `${entity}.${verb}`,
    data: { entity, entityId, ...change },
  });
}
