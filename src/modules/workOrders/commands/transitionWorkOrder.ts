/**
 * Moving a work order along its type's workflow. Only transitions the workflow
 * lists are allowed; resolved_at / closed_at follow the status category and are
 * cleared when the order is reopened.
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { conflict } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { loadVisibleWorkOrder } from '../policy.ts';
import { presentDetail } from '../present.ts';
import type { WorkOrderView } from '../schema.ts';
import type { WorkflowStatus, WorkOrdersTable } from '../tables.ts';
import { runTransitionGuards } from '../transitionGuards.ts';
import { loadTypes, nextStatuses } from '../workflow.ts';
import { authorize, touchBy } from './checks.ts';

type Row = Selectable<WorkOrdersTable>;

/** Statuses reachable from the order's current status, or none if its type is gone. */
export async function allowedNext(ctx: Ctx, order: Row): Promise<WorkflowStatus[]> {
  const type = (await loadTypes(ctx.tx, [order.type_key])).get(order.type_key);
  return type ? nextStatuses(type.workflow, order.status) : [];
}

/**
 * Sets the status (already checked against the workflow) and records the public
 * event. Shared with replies (a customer's answer reopens a waiting order) and assignment.
 */
export async function applyStatus(
  ctx: Ctx,
  order: Row,
  to: WorkflowStatus,
  extra: Record<string, unknown> = {},
  guardInput: { overrideReason?: string } = {},
): Promise<Row> {
  await runTransitionGuards(ctx, order, to, guardInput);
  const now = new Date();
  const resolvedAt = to.category === 'resolved' || to.category === 'closed' ? (order.resolved_at ?? now) : null;
  const closedAt = to.category === 'closed' ? (order.closed_at ?? now) : null;
  const row = await ctx.tx
    .updateTable('work_orders')
    .set({ ...touchBy(ctx, order), status: to.key, status_category: to.category, resolved_at: resolvedAt, closed_at: closedAt })
    .where('id', '=', order.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: order.id,
    type: 'workOrder.statusChanged',
    public: true,
    data: { from: order.status, to: to.key, fromCategory: order.status_category, toCategory: to.category, ...extra },
  });
  return row;
}

export async function transitionWorkOrder(
  ctx: Ctx,
  id: string,
  input: { to: string; comment?: string; overrideReason?: string },
): Promise<WorkOrderView> {
  const order = await loadVisibleWorkOrder(ctx, id, { forUpdate: true });
  authorize(ctx, 'transition', order);
  const allowed = await allowedNext(ctx, order);
  const target = allowed.find((s) => s.key === input.to);
  if (!target) {
    throw conflict(
      'TRANSITION_NOT_ALLOWED',
      { from: order.status, to: input.to },
      { from: order.status, to: input.to, allowed: allowed.map((s) => s.key) },
    );
  }
  const extra: Record<string, unknown> = {};
  if (input.comment) extra.comment = input.comment;
  if (input.overrideReason) extra.overrideReason = input.overrideReason;
  const row = await applyStatus(ctx, order, target, extra, { overrideReason: input.overrideReason });
  return presentDetail(ctx, row);
}
