/** Receipt at the warehouse (quantities counted) and inspection by quality. */
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, invalid } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { can } from '../policy.ts';
import { presentRma } from '../present.ts';
import type { RmaView } from '../schema.ts';
import { checkStep } from '../steps.ts';
import type { InspectionResult } from '../tables.ts';
import { type Loaded, loadRma } from './loadRma.ts';

/** Each item of the form exactly once. */
function matchItems<T extends { itemId: string }>(loaded: Loaded, given: T[]): T[] {
  const ids = new Set(given.map((g) => g.itemId));
  if (ids.size !== given.length || given.length !== loaded.items.length || loaded.items.some((i) => !ids.has(i.id))) {
    throw invalid({ field: 'items' }, 'RMA_ITEMS_MISMATCH');
  }
  return given;
}

export async function receiveRma(
  ctx: Ctx,
  workOrderId: string,
  input: { notes: string; items: Array<{ itemId: string; receivedQuantity: number }> },
): Promise<RmaView> {
  const loaded = await loadRma(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'edit', loaded.order)) throw forbidden();
  checkStep(loaded.form, 'receipt');
  const counted = matchItems(loaded, input.items);
  const mismatches = [];
  for (const c of counted) {
    const item = loaded.items.find((i) => i.id === c.itemId);
    if (item && item.quantity !== c.receivedQuantity) mismatches.push({ itemId: item.id, expected: item.quantity, counted: c.receivedQuantity });
    await ctx.tx.updateTable('rma_items').set({ received_quantity: c.receivedQuantity }).where('id', '=', c.itemId).execute();
  }
  const now = new Date();
  await ctx.tx
    .updateTable('rma_forms')
    .set({ status: 'received', received_at: now, received_by: ctx.actor.id, receipt_notes: input.notes, quantity_mismatch: mismatches.length > 0, updated_at: now })
    .where('work_order_id', '=', loaded.order.id)
    .execute();
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: loaded.order.id,
    type: 'rma.received',
    public: true,
    data: { items: counted, mismatches },
  });
  return presentRma(ctx, await loadRma(ctx, loaded.order.id));
}

export async function inspectRma(
  ctx: Ctx,
  workOrderId: string,
  input: { notes: string; items: Array<{ itemId: string; result: InspectionResult; notes: string }> },
): Promise<RmaView> {
  const loaded = await loadRma(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'inspect', loaded.order)) throw forbidden();
  checkStep(loaded.form, 'inspection');
  const results = matchItems(loaded, input.items);
  for (const r of results) {
    await ctx.tx.updateTable('rma_items').set({ inspection_result: r.result, inspection_notes: r.notes }).where('id', '=', r.itemId).execute();
  }
  const now = new Date();
  await ctx.tx
    .updateTable('rma_forms')
    .set({ status: 'inspected', inspected_at: now, inspected_by: ctx.actor.id, inspection_notes: input.notes, updated_at: now })
    .where('work_order_id', '=', loaded.order.id)
    .execute();
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: loaded.order.id,
    type: 'rma.inspected',
    data: { notes: input.notes, items: results },
  });
  return presentRma(ctx, await loadRma(ctx, loaded.order.id));
}
