/**
 * Who may do what on a complaint, once the work order itself is visible
 * (work order policy): staff edit; only quality (or an administrator) verifies;
 * an action's owner or a supervisor updates an action; the customer reads a
 * reduced view of their own complaint and gives their satisfaction.
 */
import type { Actor } from '../../lib/context.ts';
import { can as canWorkOrder, type WorkOrderAccess } from '../workOrders/policy.ts';

export type ComplaintAction = 'read' | 'edit' | 'verify' | 'rate' | 'seeInternal';

export function can(actor: Actor, action: ComplaintAction, order: WorkOrderAccess): boolean {
  if (actor.role === 'customer') {
    return actor.customerId === order.customer_id && (action === 'read' || action === 'rate');
  }
  if (action === 'verify') return actor.role === 'quality' || actor.role === 'admin';
  // Editing and internal content follow the work order's rule (quality from another team verifies, not edits).
  if (action === 'edit' || action === 'seeInternal') return canWorkOrder(actor, action, order);
  return true;
}

/** Admins, managers and the lead of the order's team supervise its actions. */
export function isSupervisor(actor: Actor, order: WorkOrderAccess): boolean {
  if (actor.role === 'admin' || actor.role === 'manager') return true;
  return order.team_id !== null && actor.leadTeamIds.includes(order.team_id);
}

export function canUpdateAction(actor: Actor, order: WorkOrderAccess, action: { owner_id: string }): boolean {
  return actor.role !== 'customer' && (action.owner_id === actor.id || isSupervisor(actor, order));
}
