/** Shipment of the replacement or the repaired item, and closure of the form. */
import type { Ctx } from '../../../lib/context.ts';
import { forbidden } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { can } from '../policy.ts';
import { presentRma } from '../present.ts';
import type { RmaView } from '../schema.ts';
import { checkStep } from '../steps.ts';
import { loadRma } from './loadRma.ts';

export async function shipRma(ctx: Ctx, workOrderId: string, input: { carrier: string; trackingNo: string }): Promise<RmaView> {
  const loaded = await loadRma(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'edit', loaded.order)) throw forbidden();
  checkStep(loaded.form, 'shipment');
  const now = new Date();
  await ctx.tx
    .updateTable('rma_forms')
    .set({ status: 'shipped', carrier: input.carrier, tracking_no: input.trackingNo, shipped_at: now, shipped_by: ctx.actor.id, updated_at: now })
    .where('work_order_id', '=', loaded.order.id)
    .execute();
  const what = loaded.form.decision === 'exchange' ? 'replacement' : loaded.form.decision === 'repair' ? 'repaired' : 'returnedAsIs';
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: loaded.order.id,
    type: 'rma.shipped',
    public: true,
    data: { what, carrier: input.carrier, trackingNo: input.trackingNo },
  });
  return presentRma(ctx, await loadRma(ctx, loaded.order.id));
}

export async function closeRma(ctx: Ctx, workOrderId: string, input: { notes: string }): Promise<RmaView> {
  const loaded = await loadRma(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'edit', loaded.order)) throw forbidden();
  checkStep(loaded.form, 'close');
  const now = new Date();
  await ctx.tx
    .updateTable('rma_forms')
    .set({ status: 'closed', closed_at: now, closed_by: ctx.actor.id, closing_notes: input.notes, updated_at: now })
    .where('work_order_id', '=', loaded.order.id)
    .execute();
  await recordEvent(ctx, { subjectType: 'work_order', subjectId: loaded.order.id, type: 'rma.closed', public: true, data: { notes: input.notes } });
  return presentRma(ctx, await loadRma(ctx, loaded.order.id));
}
