/**
 * Quote arithmetic in integer cents. Products and sums use BigInt so no
 * floating point ever touches money; results must fit a safe integer.
 */
import type { PriceCategory } from '../priceList/tables.ts';

/** Lines of these categories cost nothing while the order is in warranty. */
export const WARRANTY_FREE: PriceCategory[] = ['labour', 'parts'];

export interface PricedLine {
  category: PriceCategory;
  unit_price_cents: number;
  quantity: number;
}

function safe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount too large');
  return Number(value);
}

export function priceLine(line: PricedLine, inWarranty: boolean) {
  const amount = BigInt(line.unit_price_cents) * BigInt(line.quantity);
  const free = inWarranty && WARRANTY_FREE.includes(line.category);
  return { amountCents: safe(amount), chargedCents: free ? 0 : safe(amount), free };
}

export function sumCents(values: number[]): number {
  return safe(values.reduce((sum, v) => sum + BigInt(v), 0n));
}
