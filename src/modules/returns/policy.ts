/**
 * Who may act on an RMA form, once the work order is visible (work order policy):
 * staff run the steps, only quality (or an administrator) inspects, a supervisor
 * (admin, manager, lead of the order's team) overrides the warranty status;
 * customers read a reduced view of their own.
 */
import type { Actor } from '../../lib/context.ts';
import { can as canWorkOrder, type WorkOrderAccess } from '../workOrders/policy.ts';

export type RmaAction = 'edit' | 'inspect' | 'overrideWarranty' | 'seeInternal';

export function can(actor: Actor, action: RmaAction, order: WorkOrderAccess): boolean {
  if (actor.role === 'customer') return false;
  if (action === 'inspect') return actor.role === 'quality' || actor.role === 'admin';
  // The other steps follow the work order's rule (quality from another team inspects, not runs the form).
  if (action === 'edit' || action === 'seeInternal') return canWorkOrder(actor, action, order);
  if (action === 'overrideWarranty') {
    return actor.role === 'admin' || actor.role === 'manager' || (order.team_id !== null && actor.leadTeamIds.includes(order.team_id));
  }
  return true;
}
