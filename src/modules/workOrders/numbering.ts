/**
 * Work order numbers: GD<YYYYMMDD>-<NNNN>, the day in China time, the sequence
 * from a per-day counter row (commands/drawNumber.ts draws them).
 */

/** Numbers are dated by the service day (China), the one defined in lib. */
export { serviceDay } from '../../lib/serviceDay.ts';

export function numberPrefix(day: string): string {
  return `GD${day.replace(/-/g, '')}-`;
}

/** Four digits, more once a day passes 9999. */
export function formatNumber(day: string, n: number): string {
  return `${numberPrefix(day)}${String(n).padStart(4, '0')}`;
}
