/**
 * Information completeness (信息完整度): the share of the fields an administrator
 * marks as required that a customer has filled, 0–100, rounded down. The scoring
 * is pure; `recomputeCompleteness` loads the facts and stores the scores.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../lib/context.ts';

export const BUILT_IN_FIELDS = [
  'name',
  'creditCode',
  'province',
  'city',
  'county',
  'address',
  'phones',
  'email',
  'notes',
  'tier',
  'contacts',
  'assets',
  'contracts',
] as const;

export const REQUIRED_FIELDS_SETTING = 'customers.requiredFields';

/** What the score looks at for one customer. */
export interface CustomerFacts {
  name: string;
  credit_code: string | null;
  province: string;
  city: string;
  county: string;
  address: string;
  phones: string[];
  email: string;
  notes: string;
  tier: string | null;
  classification: Record<string, string>;
  custom_fields: Record<string, unknown>;
  contacts: number;
  assets: number;
  contracts: number;
}

const filled = (value: unknown) => value !== null && value !== undefined && value !== '';

export function isFilled(key: string, c: CustomerFacts): boolean {
  if (key.startsWith('classification.')) return filled(c.classification[key.slice('classification.'.length)]);
  if (key.startsWith('custom.')) return filled(c.custom_fields[key.slice('custom.'.length)]);
  switch (key) {
    case 'name':
      return filled(c.name.trim());
    case 'creditCode':
      return filled(c.credit_code);
    case 'phones':
      return c.phones.length > 0;
    case 'contacts':
    case 'assets':
    case 'contracts':
      return c[key] > 0;
    case 'province':
    case 'city':
    case 'county':
    case 'address':
    case 'email':
    case 'notes':
    case 'tier':
      return filled(c[key]);
    default:
      return false;
  }
}

/** Filled required fields ÷ required fields × 100, rounded down; 100 when nothing is required. */
export function scoreCompleteness(required: readonly string[], facts: CustomerFacts): number {
  const keys = [...new Set(required)];
  if (keys.length === 0) return 100;
  const done = keys.filter((key) => isFilled(key, facts)).length;
  return Math.floor((done * 100) / keys.length);
}

export async function loadRequiredFields(tx: Tx): Promise<string[]> {
  const row = await tx.selectFrom('settings').select('value').where('key', '=', REQUIRED_FIELDS_SETTING).executeTakeFirst();
  return Array.isArray(row?.value) ? (row.value as string[]) : [];
}

const BATCH = 500;

/**
 * Recomputes and stores the score of one customer, or of every customer when no
 * id is given (in batches, each one set-based UPDATE), inside the caller's transaction.
 */
export async function recomputeCompleteness(tx: Tx, customerId?: string): Promise<void> {
  const required = await loadRequiredFields(tx);
  let after: string | null = null;
  for (;;) {
    let q = tx
      .selectFrom('customers')
      .select([
        'id',
        'name',
        'credit_code',
        'province',
        'city',
        'county',
        'address',
        'phones',
        'email',
        'notes',
        'tier',
        'classification',
        'custom_fields',
        'completeness',
        (eb) => countActive(eb, 'contacts').as('contacts'),
        (eb) => countActive(eb, 'assets').as('assets'),
        (eb) => countActive(eb, 'contracts').as('contracts'),
      ])
      .orderBy('id')
      .limit(BATCH);
    if (customerId) q = q.where('id', '=', customerId);
    if (after) q = q.where('id', '>', after);
    const rows = await q.execute();
    const changed = rows
      .map((r) => ({ id: r.id, score: scoreCompleteness(required, { ...r, contacts: Number(r.contacts), assets: Number(r.assets), contracts: Number(r.contracts) }), old: r.completeness }))
      .filter((r) => r.score !== r.old);
    if (changed.length) {
      await sql`update customers set completeness = v.score
        from unnest(${changed.map((c) => c.id)}::uuid[], ${changed.map((c) => c.score)}::int[]) as v(id, score)
        where customers.id = v.id`.execute(tx);
    }
    if (customerId || rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

function countActive(
  eb: ExpressionBuilder<DB, 'customers'>,
  table: 'contacts' | 'assets' | 'contracts',
) {
  return eb
    .selectFrom(table)
    .select((e) => e.fn.countAll<string>().as('n'))
    .whereRef(`${table}.customer_id`, '=', 'customers.id')
    .where(`${table}.archived_at`, 'is', null);
}
