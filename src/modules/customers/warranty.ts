/**
 * The one warranty rule, for every process that serves an asset (repairs,
 * returns). On a service day (China) something is in warranty when its asset's
 * warranty end is that day or later — so through the end of that China day — or
 * when an active (not archived) contract of the customer covers the day:
 * starts_on ≤ day ≤ ends_on, a missing start or end counting as open. A
 * supervisor's override, when given, replaces the computed status.
 */
import type { Ctx } from '../../lib/context.ts';
import { serviceDay } from '../../lib/serviceDay.ts';

export interface WarrantyContract {
  id: string;
  number: string;
  startsOn: string | null;
  endsOn: string | null;
}

export interface WarrantyFacts {
  /** ISO day (YYYY-MM-DD) or null: no asset, or an asset without a warranty end. */
  assetWarrantyEnd: string | null;
  contracts: WarrantyContract[];
}

export type WarrantyBasis = 'asset' | 'contract' | 'none';

export interface Warranty {
  day: string;
  /** The status that counts: the override when there is one, else the computed one. */
  inWarranty: boolean;
  computed: boolean;
  basis: WarrantyBasis;
  coveringContract: WarrantyContract | null;
  overridden: boolean;
}

const covers = (c: WarrantyContract, day: string) => (c.startsOn === null || c.startsOn <= day) && (c.endsOn === null || c.endsOn >= day);

/** The covering contract that runs longest (an open end first). */
function longestCovering(contracts: WarrantyContract[], day: string): WarrantyContract | null {
  let best: WarrantyContract | null = null;
  for (const c of contracts) {
    if (!covers(c, day)) continue;
    if (!best || (best.endsOn !== null && (c.endsOn === null || c.endsOn > best.endsOn))) best = c;
  }
  return best;
}

/** Pure: ISO days compare as strings. `override` null/undefined means none. */
export function determineWarranty(day: string, facts: WarrantyFacts, override?: boolean | null): Warranty {
  const byAsset = facts.assetWarrantyEnd !== null && facts.assetWarrantyEnd >= day;
  const coveringContract = longestCovering(facts.contracts, day);
  const basis: WarrantyBasis = byAsset ? 'asset' : coveringContract ? 'contract' : 'none';
  const computed = basis !== 'none';
  const overridden = override !== null && override !== undefined;
  return { day, inWarranty: overridden ? override : computed, computed, basis, coveringContract, overridden };
}

/** As determineWarranty, on the service day of an instant. */
export function warrantyAt(at: Date, facts: WarrantyFacts, override?: boolean | null): Warranty {
  return determineWarranty(serviceDay(at), facts, override);
}

/** The customer's active contracts and the warranty ends of the given assets (of that customer only). */
export async function loadWarrantyFacts(
  ctx: Ctx,
  customerId: string,
  assetIds: Array<string | null>,
): Promise<{ contracts: WarrantyContract[]; assetWarrantyEnd: (assetId: string | null) => string | null }> {
  const ids = [...new Set(assetIds.filter((id): id is string => id !== null))];
  const assets = ids.length
    ? await ctx.tx.selectFrom('assets').select(['id', 'warranty_end']).where('id', 'in', ids).where('customer_id', '=', customerId).execute()
    : [];
  const contracts = await ctx.tx
    .selectFrom('contracts')
    .select(['id', 'number', 'starts_on as startsOn', 'ends_on as endsOn'])
    .where('customer_id', '=', customerId)
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
  const ends = new Map(assets.map((a) => [a.id, a.warranty_end]));
  return { contracts, assetWarrantyEnd: (assetId) => (assetId ? (ends.get(assetId) ?? null) : null) };
}
