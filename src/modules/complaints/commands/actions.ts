/** Corrective and preventive actions of a complaint: each with an owner, a due date and a status. */
import { sql } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { can, canUpdateAction, isSupervisor } from '../policy.ts';
import { loadActionViews } from '../present.ts';
import type { ActionView, CreateActionBody, UpdateActionBody } from '../schema.ts';
import { loadComplaint } from './loadComplaint.ts';

async function checkOwner(ctx: Ctx, ownerId: string): Promise<void> {
  const user = await ctx.tx
    .selectFrom('users')
    .select('id')
    .where('id', '=', ownerId)
    .where('disabled_at', 'is', null)
    .where('role', '<>', 'customer')
    .executeTakeFirst();
  if (!user) throw invalid({ field: 'ownerId' }, 'COMPLAINT_ACTION_OWNER_INVALID');
}

/**
 * New or reopened work means the earlier verification no longer covers every
 * action: it is cleared, so the complaint cannot close until quality looks again.
 */
async function clearVerification(ctx: Ctx, workOrderId: string, reason: string): Promise<void> {
  const cleared = await ctx.tx
    .updateTable('complaints')
    .set({ verified_at: null, verified_by: null, verification_effective: null, updated_at: new Date() })
    .where('work_order_id', '=', workOrderId)
    .where('verification_effective', 'is not', null)
    .returning('work_order_id')
    .executeTakeFirst();
  if (cleared) await recordEvent(ctx, { subjectType: 'work_order', subjectId: workOrderId, type: 'complaint.verificationCleared', data: { reason } });
}

const viewOf = async (ctx: Ctx, order: Parameters<typeof loadActionViews>[1], id: string) =>
  (await loadActionViews(ctx, order)).find((a) => a.id === id) as ActionView;

export async function addAction(ctx: Ctx, workOrderId: string, input: CreateActionBody): Promise<ActionView> {
  const { order } = await loadComplaint(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'edit', order)) throw forbidden();
  await checkOwner(ctx, input.ownerId);
  const row = await ctx.tx
    .insertInto('complaint_actions')
    .values({
      work_order_id: order.id,
      kind: input.kind,
      description: input.description,
      owner_id: input.ownerId,
      due_on: input.dueOn,
      created_by: ctx.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: order.id,
    type: 'complaint.actionAdded',
    data: { actionId: row.id, ...input },
  });
  await clearVerification(ctx, order.id, 'actionAdded');
  return viewOf(ctx, order, row.id);
}

/** The owner moves their action along; a supervisor may also reassign, re-date or reword it. */
export async function updateAction(ctx: Ctx, workOrderId: string, actionId: string, input: UpdateActionBody): Promise<ActionView> {
  const { order } = await loadComplaint(ctx, workOrderId, { forUpdate: true });
  const action = await ctx.tx
    .selectFrom('complaint_actions')
    .selectAll()
    .where('id', '=', actionId)
    .where('work_order_id', '=', order.id)
    .forUpdate()
    .executeTakeFirst();
  if (!action || !can(ctx.actor, 'edit', order)) throw notFound('COMPLAINT_ACTION_NOT_FOUND');
  if (!canUpdateAction(ctx.actor, order, action)) throw forbidden();
  const onlyStatus = Object.keys(input).every((k) => k === 'status');
  if (!onlyStatus && !isSupervisor(ctx.actor, order)) throw forbidden();
  if (input.ownerId) await checkOwner(ctx, input.ownerId);
  const before = { description: action.description, ownerId: action.owner_id, dueOn: action.due_on, status: action.status };
  const after = { ...before, ...input };
  const changes = diff(before, after);
  if (changes) {
    await ctx.tx
      .updateTable('complaint_actions')
      .set({ description: after.description, owner_id: after.ownerId, due_on: after.dueOn, status: after.status, updated_at: new Date() })
      .where('id', '=', action.id)
      .execute();
    await recordEvent(ctx, {
      subjectType: 'work_order',
      subjectId: order.id,
      type: 'complaint.actionUpdated',
      data: { actionId: action.id, ...changes },
    });
    if (after.status === 'open' || after.status === 'in_progress') await clearVerification(ctx, order.id, 'actionReopened');
  }
  return viewOf(ctx, order, action.id);
}

/** Counts the actions still to do; verification needs at least one action and none left open. */
export async function actionCounts(ctx: Ctx, workOrderId: string) {
  const row = await ctx.tx
    .selectFrom('complaint_actions')
    .select([
      sql<number>`count(*) filter (where status <> 'cancelled')::int`.as('live'),
      sql<number>`count(*) filter (where status in ('open', 'in_progress'))::int`.as('open'),
    ])
    .where('work_order_id', '=', workOrderId)
    .executeTakeFirstOrThrow();
  return row;
}
