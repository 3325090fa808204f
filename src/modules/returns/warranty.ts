/**
 * Warranty of one returned item on a service day (Asia/Shanghai): in warranty
 * when its asset's warranty end is on or after the day, or when an active
 * contract of the customer covers the day (a missing start or end counts as open).
 * The same rule as repairs (src/modules/repairs/warranty.ts); the two should
 * become one shared function.
 */
import { isoDate } from '../../lib/businessTime/days.ts';
import { localDayOf } from '../../lib/businessTime/timeZone.ts';

export const SERVICE_ZONE = 'Asia/Shanghai';

export interface ContractSpan {
  startsOn: string | null;
  endsOn: string | null;
}

export type WarrantyBasis = 'asset' | 'contract' | 'none';

export function serviceDayOf(instant: Date): string {
  return isoDate(localDayOf(SERVICE_ZONE, instant.getTime()));
}

/** Pure: dates are ISO days (YYYY-MM-DD), compared as strings. */
export function itemWarranty(day: string, assetWarrantyEnd: string | null, contracts: ContractSpan[]): { inWarranty: boolean; basis: WarrantyBasis } {
  if (assetWarrantyEnd !== null && assetWarrantyEnd >= day) return { inWarranty: true, basis: 'asset' };
  const covered = contracts.some((c) => (c.startsOn === null || c.startsOn <= day) && (c.endsOn === null || c.endsOn >= day));
  return covered ? { inWarranty: true, basis: 'contract' } : { inWarranty: false, basis: 'none' };
}
