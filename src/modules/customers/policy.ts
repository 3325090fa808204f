/**
 * Who may see and change customers. Staff read every customer; admin, manager
 * and agent create and edit; only admin and manager archive and restore.
 * Customer users read their own organisation only, never its notes, audit log
 * or archived contacts/assets/contracts.
 * "Not visible" answers 404 CUSTOMER_NOT_FOUND, the same as "does not exist".
 */
import { sql } from 'kysely';
import type { Actor, Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { can as canIdentity } from '../identity/policy.ts';
import './messages.ts';

export type CustomerAction = 'edit' | 'archive' | 'seeNotes' | 'seeAudit' | 'seeArchived';

export function can(actor: Actor, action: CustomerAction): boolean {
  switch (action) {
    case 'edit':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
    case 'archive':
      return actor.role === 'admin' || actor.role === 'manager';
    case 'seeNotes':
    case 'seeAudit':
    case 'seeArchived':
      return actor.role !== 'customer';
  }
}

export function authorize(actor: Actor, action: CustomerAction): void {
  if (!can(actor, action)) throw forbidden();
}

export function abilitiesOf(actor: Actor) {
  return {
    edit: can(actor, 'edit'),
    archive: can(actor, 'archive'),
    seeAudit: can(actor, 'seeAudit'),
    // The identity module decides who opens portal accounts; the customer page only shows it.
    managePortalAccounts: canIdentity(actor, 'manageCustomerUsers', { role: 'customer' }),
  };
}

/** A SQL condition on table `customers` true for the organisations the actor may see. */
export function visibleTo(actor: Actor) {
  return () => {
    if (actor.role !== 'customer') return sql<boolean>`true`;
    return actor.customerId ? sql<boolean>`customers.id = ${actor.customerId}` : sql<boolean>`false`;
  };
}

/** Loads one customer the actor may see, or throws 404; `forUpdate` locks the row for the transaction. */
export async function loadVisibleCustomer(ctx: Ctx, id: string, options: { forUpdate?: boolean } = {}) {
  let q = ctx.tx.selectFrom('customers').selectAll().where('id', '=', id).where(visibleTo(ctx.actor));
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('CUSTOMER_NOT_FOUND');
  return row;
}
