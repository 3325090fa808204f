/**
 * Warranty status of a repair. The service day is the day (Asia/Shanghai) of
 * the first arrival on site, or today before anyone arrived. The order is in
 * warranty when its asset's warranty_end is on or after the service day, or
 * when an active (not archived) contract of the customer covers the service
 * day: starts_on ≤ day ≤ ends_on, a missing start or end counting as open.
 * A supervisor's override (with reason) replaces the computed status.
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import { isoDate } from '../../lib/businessTime/days.ts';
import { localDayOf } from '../../lib/businessTime/timeZone.ts';
import type { WorkOrdersTable } from '../workOrders/tables.ts';
import type { RepairRow } from './policy.ts';
import type { WarrantyView } from './schema.ts';

export const SERVICE_ZONE = 'Asia/Shanghai';

export function serviceDayOf(instant: Date): string {
  return isoDate(localDayOf(SERVICE_ZONE, instant.getTime()));
}

export async function warrantyOf(
  ctx: Ctx,
  order: Selectable<WorkOrdersTable>,
  repair: RepairRow | null,
  firstArrival: Date | null,
): Promise<WarrantyView> {
  const day = serviceDayOf(firstArrival ?? new Date());
  const asset = order.asset_id
    ? await ctx.tx.selectFrom('assets').select('warranty_end').where('id', '=', order.asset_id).executeTakeFirst()
    : undefined;
  const assetWarrantyEnd = asset?.warranty_end ?? null;
  const contract = await ctx.tx
    .selectFrom('contracts')
    .select(['id', 'number'])
    .where('customer_id', '=', order.customer_id)
    .where('archived_at', 'is', null)
    .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', day)]))
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', day)]))
    .orderBy('ends_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const computed = (assetWarrantyEnd !== null && assetWarrantyEnd >= day) || contract !== undefined;
  const override =
    repair?.warranty_override != null ? { inWarranty: repair.warranty_override, reason: repair.warranty_override_reason ?? '' } : null;
  return {
    inWarranty: override ? override.inWarranty : computed,
    computed,
    serviceDay: day,
    assetWarrantyEnd,
    coveringContract: contract ?? null,
    override,
  };
}
