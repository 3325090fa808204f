/**
 * Configuration (category sets, options, service tiers, custom fields, required
 * fields): every logged-in user may read the names; only administrators change them.
 */
import type { Actor } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';

/** Configuration rows have text keys, not ids; their events hang off this fixed subject. */
export const CONFIG_SUBJECT_ID = '00000000-0000-0000-0000-000000000000';

export function canConfigure(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function authorizeConfigure(actor: Actor): void {
  if (!canConfigure(actor)) throw forbidden();
}
