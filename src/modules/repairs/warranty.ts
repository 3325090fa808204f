/**
 * Warranty status of a repair, by the customers module's one warranty rule. The
 * service day is the day of the first arrival on site, or today before anyone
 * arrived; a supervisor's override (with reason) replaces the computed status.
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import { loadWarrantyFacts, warrantyAt } from '../customers/warranty.ts';
import type { WorkOrdersTable } from '../workOrders/tables.ts';
import type { RepairRow } from './policy.ts';
import type { WarrantyView } from './schema.ts';

export async function warrantyOf(
  ctx: Ctx,
  order: Selectable<WorkOrdersTable>,
  repair: RepairRow | null,
  firstArrival: Date | null,
): Promise<WarrantyView> {
  const facts = await loadWarrantyFacts(ctx, order.customer_id, [order.asset_id]);
  const assetWarrantyEnd = facts.assetWarrantyEnd(order.asset_id);
  const w = warrantyAt(firstArrival ?? new Date(), { assetWarrantyEnd, contracts: facts.contracts }, repair?.warranty_override);
  const contract = w.coveringContract;
  return {
    inWarranty: w.inWarranty,
    computed: w.computed,
    serviceDay: w.day,
    assetWarrantyEnd,
    coveringContract: contract ? { id: contract.id, number: contract.number } : null,
    override: w.overridden ? { inWarranty: w.inWarranty, reason: repair?.warranty_override_reason ?? '' } : null,
  };
}
