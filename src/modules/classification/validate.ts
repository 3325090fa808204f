/**
 * Checks a customer's classification (one option per category set) and service
 * tier against the administrator's configuration. Only active sets, options and
 * tiers may be newly chosen; a value a customer already has stays valid.
 */
import type { Tx } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';

/** Merges set → option changes (null removes) into the existing classification. */
export async function mergeClassification(
  tx: Tx,
  input: Record<string, string | null>,
  existing: Record<string, string> = {},
): Promise<Record<string, string>> {
  const merged = { ...existing };
  const wanted = Object.entries(input).filter(([setKey, option]) => option !== null && existing[setKey] !== option);
  for (const [setKey, option] of Object.entries(input)) if (option === null) delete merged[setKey];
  if (wanted.length === 0) return merged;
  const rows = await tx
    .selectFrom('category_options as o')
    .innerJoin('category_sets as s', 's.key', 'o.set_key')
    .select(['o.set_key', 'o.key'])
    .where('s.key', 'in', wanted.map(([setKey]) => setKey))
    .where('s.archived_at', 'is', null)
    .where('o.archived_at', 'is', null)
    .execute();
  for (const [setKey, option] of wanted) {
    if (!rows.some((r) => r.set_key === setKey && r.key === option)) {
      throw invalid({ field: `classification.${setKey}`, reason: 'unknown or archived category set or option' });
    }
    merged[setKey] = option!;
  }
  return merged;
}

export async function checkTier(tx: Tx, tier: string | null, existing: string | null = null): Promise<void> {
  if (tier === null || tier === existing) return;
  const row = await tx.selectFrom('service_tiers').select('key').where('key', '=', tier).where('archived_at', 'is', null).executeTakeFirst();
  if (!row) throw invalid({ field: 'tier', reason: 'unknown or archived service tier' });
}
