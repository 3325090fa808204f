/**
 * Checks custom field values against the administrator's definitions for an
 * entity (customer or work order) and merges them into the stored values.
 * null removes a value; unknown keys and wrong types are refused with the field named.
 */
import type { Tx } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import type { CustomFieldEntity } from './tables.ts';

const MAX_TEXT = 2000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

export async function mergeCustomFields(
  tx: Tx,
  entity: CustomFieldEntity,
  input: Record<string, unknown>,
  existing: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const defs = await tx
    .selectFrom('custom_field_defs')
    .select(['key', 'kind', 'options'])
    .where('entity', '=', entity)
    .where('archived_at', 'is', null)
    .execute();
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const merged: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(input)) {
    const field = `customFields.${key}`;
    const def = byKey.get(key);
    if (!def) throw invalid({ field, reason: 'unknown custom field' });
    if (value === null || value === '') {
      delete merged[key];
      continue;
    }
    const ok =
      (def.kind === 'text' && typeof value === 'string' && value.length <= MAX_TEXT) ||
      (def.kind === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
      (def.kind === 'date' && typeof value === 'string' && validDate(value)) ||
      (def.kind === 'select' && typeof value === 'string' && def.options.some((o) => o.key === value));
    if (!ok) throw invalid({ field, reason: `expected ${def.kind}` });
    merged[key] = value;
  }
  return merged;
}
