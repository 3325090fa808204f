/**
 * Who may do what with the stock list. All staff read it (technicians pick
 * materials from it); administrators and managers maintain it (items,
 * counted adjustments, archive). `/auth/me` sends the same rules as abilities
 * so the UI shows the stock page to whoever the server serves.
 */
import type { Actor } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';

export const canViewStock = (actor: Actor): boolean => actor.role !== 'customer';
export const canManageStock = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'manager';

export function authorizeStockRead(actor: Actor): void {
  if (!canViewStock(actor)) throw forbidden();
}

export function authorizeStockEdit(actor: Actor): void {
  if (!canManageStock(actor)) throw forbidden();
}
