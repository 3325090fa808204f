/**
 * Who may see and act on a work order. One rule, used by every path: lists,
 * single reads, search, attachments, and later reports. "Not visible" and "not
 * found" are the same answer (404 WORK_ORDER_NOT_FOUND).
 *
 * - admin, manager: every order.
 * - agent, technician, quality: orders of their teams, and orders they are
 *   assignee, first-contact owner, creator or collaborator of.
 * - quality, in addition: every complaint and return (RMA) order, whichever
 *   team handles it, because verifying corrective actions and inspecting
 *   returned goods is their job across teams. On such an order outside their
 *   teams they verify or inspect (the complaint and RMA policies), note, attach
 *   and read internal notes — replying to the customer, editing, moving it on
 *   or reassigning it stays with the handling team.
 * - customer: orders of their own organisation.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor, Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import './messages.ts';

type WO = ExpressionBuilder<DB, 'work_orders'>;

/** Work order types whose process needs quality: complaint verification, RMA inspection. */
export const QUALITY_TYPES = ['complaint', 'return'];

/** A SQL condition on table alias `work_orders` that is true for the orders the actor may see. */
export function visibleTo(actor: Actor) {
  return (eb: WO) => {
    if (actor.role === 'admin' || actor.role === 'manager') return sql<boolean>`true`;
    if (actor.role === 'customer') {
      return actor.customerId ? eb('work_orders.customer_id', '=', actor.customerId) : sql<boolean>`false`;
    }
    const mine = [
      eb('work_orders.assignee_id', '=', actor.id),
      eb('work_orders.first_contact_id', '=', actor.id),
      eb('work_orders.created_by', '=', actor.id),
      eb.exists(
        eb
          .selectFrom('work_order_collaborators as woc')
          .select(sql`1`.as('one'))
          .whereRef('woc.work_order_id', '=', 'work_orders.id')
          .where('woc.user_id', '=', actor.id),
      ),
    ];
    if (actor.teamIds.length) mine.push(eb('work_orders.team_id', 'in', actor.teamIds));
    if (actor.role === 'quality') mine.push(eb('work_orders.type_key', 'in', QUALITY_TYPES));
    return eb.or(mine);
  };
}

export interface WorkOrderAccess {
  team_id: string | null;
  assignee_id: string | null;
  customer_id: string;
  type_key: string;
  first_contact_id: string | null;
  created_by: string | null;
}

export type WorkOrderAction =
  | 'reply' // public reply to the customer
  | 'note' // internal note
  | 'seeInternal' // internal notes, internal attachments, system events
  | 'edit' // fields, tags, custom fields
  | 'transition'
  | 'assign' // assign within / transfer to another team or person
  | 'attach';

/** What quality may do on a complaint or return they see only because of their role. */
const QUALITY_REACH: WorkOrderAction[] = ['note', 'seeInternal', 'attach'];

/**
 * True when quality sees the order only through QUALITY_TYPES: not their team's,
 * not assigned to, owned or opened by them. (A collaborator of such an order is
 * also answered here as quality; `can` has no collaborator list to hand.)
 */
export function onlyQualityReach(actor: Actor, order: WorkOrderAccess): boolean {
  if (actor.role !== 'quality' || !QUALITY_TYPES.includes(order.type_key)) return false;
  const ownTeam = order.team_id !== null && actor.teamIds.includes(order.team_id);
  const own = order.assignee_id === actor.id || order.first_contact_id === actor.id || order.created_by === actor.id;
  return !ownTeam && !own;
}

/** What the actor may do on an order they can already see. */
export function can(actor: Actor, action: WorkOrderAction, order: WorkOrderAccess): boolean {
  if (actor.role === 'customer') {
    return actor.customerId === order.customer_id && (action === 'reply' || action === 'attach');
  }
  if (actor.role === 'admin' || actor.role === 'manager') return true;
  if (onlyQualityReach(actor, order)) return QUALITY_REACH.includes(action);
  if (action === 'assign') {
    // Handlers pass work on; a team's members pick up or hand over within their queue.
    return order.assignee_id === actor.id || (order.team_id !== null && actor.teamIds.includes(order.team_id));
  }
  return true;
}

/** The abilities list a work order view carries, so the UI shows only what the server allows. */
export function abilitiesOf(actor: Actor, order: WorkOrderAccess): Record<WorkOrderAction, boolean> {
  const actions: WorkOrderAction[] = ['reply', 'note', 'seeInternal', 'edit', 'transition', 'assign', 'attach'];
  return Object.fromEntries(actions.map((a) => [a, can(actor, a, order)])) as Record<WorkOrderAction, boolean>;
}

/** Loads one order the actor may see, or throws 404; `forUpdate` locks the row for the transaction. */
export async function loadVisibleWorkOrder(ctx: Ctx, id: string, options: { forUpdate?: boolean } = {}) {
  let q = ctx.tx.selectFrom('work_orders').selectAll().where('id', '=', id).where(visibleTo(ctx.actor));
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('WORK_ORDER_NOT_FOUND');
  return row;
}
