/**
 * Assignment and transfer (转派). Taking an order away from its current team or
 * handler is a transfer and needs a reason; the first-contact owner (首问负责人)
 * never changes here, so accountability survives every hand-over.
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, invalid } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { loadVisibleWorkOrder } from '../policy.ts';
import { presentDetail } from '../present.ts';
import type { WorkOrderView } from '../schema.ts';
import type { WorkOrdersTable } from '../tables.ts';
import { findStatus, loadTypes, nextStatuses } from '../workflow.ts';
import { applyStatus } from './transitionWorkOrder.ts';
import { authorize, checkAssignee, touchBy } from './checks.ts';

export interface AssignInput {
  teamId?: string | null;
  assigneeId?: string | null;
  reason?: string;
}

export async function assignWorkOrder(ctx: Ctx, id: string, input: AssignInput): Promise<WorkOrderView> {
  if (input.teamId === undefined && input.assigneeId === undefined) throw invalid({}, 'NOTHING_TO_ASSIGN');
  const order = await loadVisibleWorkOrder(ctx, id, { forUpdate: true });
  authorize(ctx, 'assign', order);
  return presentDetail(ctx, await applyAssignment(ctx, order, input));
}

type WorkOrderRow = Selectable<WorkOrdersTable>;

/**
 * The assignment itself, on an order already loaded for update and authorized:
 * checks, the update, the assigned/transferred event and the move to "assigned".
 * Automatic assignment (duty routing, rules) calls this as the system actor so it
 * writes the same events as a person assigning. Returns the row as it is now.
 */
export async function applyAssignment(ctx: Ctx, order: WorkOrderRow, input: AssignInput): Promise<WorkOrderRow> {
  const id = order.id;
  const teamId = input.teamId === undefined ? order.team_id : input.teamId;
  const teamChanged = teamId !== order.team_id;
  // A new team starts without a handler unless one is named.
  const assigneeId = input.assigneeId !== undefined ? input.assigneeId : teamChanged ? null : order.assignee_id;
  if (!teamChanged && assigneeId === order.assignee_id) return order;

  if (teamChanged && teamId) {
    const team = await ctx.tx.selectFrom('teams').select('id').where('id', '=', teamId).where('archived_at', 'is', null).executeTakeFirst();
    if (!team) throw invalid({ field: 'teamId', reason: 'unknown or archived team' });
  }
  if (assigneeId) await checkAssignee(ctx, teamId, assigneeId);

  const transfer = (teamChanged && order.team_id !== null) || (order.assignee_id !== null && assigneeId !== order.assignee_id);
  const reason = input.reason?.trim() ?? '';
  if (transfer && !reason) throw new AppError('TRANSFER_REASON_REQUIRED', 400, {}, { field: 'reason' });

  let row = await ctx.tx
    .updateTable('work_orders')
    .set({ ...touchBy(ctx, order), team_id: teamId, assignee_id: assigneeId })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: id,
    type: transfer ? 'workOrder.transferred' : 'workOrder.assigned',
    data: {
      from: { teamId: order.team_id, assigneeId: order.assignee_id },
      to: { teamId, assigneeId },
      ...(reason ? { reason } : {}),
    },
  });

  // A new order that now has a handler moves to "assigned" when its workflow has that step.
  const type = (await loadTypes(ctx.tx, [row.type_key])).get(row.type_key);
  if (type && assigneeId && row.status === type.workflow.initial) {
    const assigned = nextStatuses(type.workflow, row.status).find((s) => s.key === 'assigned');
    if (assigned && findStatus(type.workflow, 'assigned')) row = await applyStatus(ctx, row, assigned);
  }
  return row;
}
