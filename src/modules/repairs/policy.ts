/**
 * Who may act in a repair. The work order's own policy decides visibility; on
 * top of it: the dispatcher needs the order's `assign` right, visit steps belong
 * to the visit's technician alone, and approvals, overrides and supervision to
 * a supervisor — admin, manager, or a lead of the order's team.
 */
import type { Selectable } from 'kysely';
import type { Actor, Ctx } from '../../lib/context.ts';
import { conflict, forbidden } from '../../lib/errors.ts';
import { loadVisibleWorkOrder } from '../workOrders/policy.ts';
import type { WorkOrdersTable } from '../workOrders/tables.ts';
import type { RepairOrdersTable } from './tables.ts';
import './messages.ts';

/** Work order types that run the repair process (dispatch, visits, quote, acceptance). */
export const REPAIR_TYPES = ['repair', 'maintenance'];

type Order = Selectable<WorkOrdersTable>;
export type RepairRow = Selectable<RepairOrdersTable>;

export function isRepairType(typeKey: string): boolean {
  return REPAIR_TYPES.includes(typeKey);
}

export function isSupervisor(actor: Actor, order: { team_id: string | null }): boolean {
  if (actor.role === 'admin' || actor.role === 'manager') return true;
  return order.team_id !== null && actor.leadTeamIds.includes(order.team_id);
}

/** The assigned technician, or a supervisor standing in for them. */
export function isTechnicianOrSupervisor(actor: Actor, order: Order, repair: RepairRow): boolean {
  return repair.technician_id === actor.id || isSupervisor(actor, order);
}

export function requireSupervisor(actor: Actor, order: Order): void {
  if (!isSupervisor(actor, order)) throw forbidden('REPAIR_SUPERVISOR_ONLY');
}

export function requireStaff(actor: Actor): void {
  if (actor.role === 'customer') throw forbidden();
}

/** Loads a visible repair-process order and its repair record, if dispatched; row-locked unless `forUpdate: false` (reads). */
export async function loadRepair(ctx: Ctx, id: string, options: { forUpdate?: boolean } = { forUpdate: true }): Promise<{ order: Order; repair: RepairRow | null }> {
  const lock = options.forUpdate ?? true;
  const order = await loadVisibleWorkOrder(ctx, id, { forUpdate: lock });
  if (!isRepairType(order.type_key)) throw conflict('REPAIR_NOT_REPAIR_ORDER');
  let q = ctx.tx.selectFrom('repair_orders').selectAll().where('work_order_id', '=', id);
  if (lock) q = q.forUpdate();
  const repair = await q.executeTakeFirst();
  return { order, repair: repair ?? null };
}

/** As loadRepair, for steps that need a dispatched repair and an assigned technician or supervisor. */
export async function loadForWork(ctx: Ctx, id: string): Promise<{ order: Order; repair: RepairRow }> {
  requireStaff(ctx.actor);
  const { order, repair } = await loadRepair(ctx, id);
  if (!repair) throw conflict('REPAIR_NOT_DISPATCHED');
  if (!isTechnicianOrSupervisor(ctx.actor, order, repair)) throw forbidden('REPAIR_NOT_YOUR_VISIT');
  return { order, repair };
}
