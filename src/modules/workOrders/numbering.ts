/**
 * Work order numbers: GD<YYYYMMDD>-<NNNN>, the day in China time, the sequence
 * from a per-day counter row. The counter is bumped inside the order's INSERT
 * statement (a data-modifying CTE), so the row lock is taken as late as possible
 * and rolls back with the order: numbers are gapless and unique under concurrency.
 */
import { type RawBuilder, sql } from 'kysely';
import { textTokens } from '../../lib/search.ts';

/** Numbers are dated by the service day (China), the one defined in lib. */
export { serviceDay } from '../../lib/serviceDay.ts';

export function numberPrefix(day: string): string {
  return `GD${day.replace(/-/g, '')}-`;
}

/** Four digits, more once a day passes 9999. */
export function formatNumber(day: string, n: number): string {
  return `${numberPrefix(day)}${String(n).padStart(4, '0')}`;
}

/** SQL for the number, read from the `counter` CTE that returns the day's new `last`. */
export function nextNumberSql(day: string): RawBuilder<string> {
  return sql<string>`${numberPrefix(day)} || lpad(last::text, greatest(4, length(last::text)), '0')`;
}

/**
 * The search vector: the given text tokens plus codeTokens(number). The parts that
 * depend only on the day are made here; the whole code and the sequence digits are
 * added in SQL from the `n` CTE (numbering.test.ts checks both halves equal codeTokens).
 */
export function searchVectorSql(day: string, tokens: string[]): RawBuilder<string> {
  const fixed = [...new Set([...tokens, ...textTokens(numberPrefix(day))])];
  return sql<string>`array_to_tsvector(array(select distinct t from unnest(${fixed}::text[] || (select array['c:' || lower(number), split_part(number, '-', 2)] from n)) as t))`;
}
