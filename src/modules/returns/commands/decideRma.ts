/**
 * The decision on a received and inspected form. In warranty the handling is
 * free; out of warranty it is charged (amount in integer cents). A supervisor may
 * replace the computed warranty status, always with a reason.
 */
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, invalid } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { can } from '../policy.ts';
import { computeWarranty, presentRma } from '../present.ts';
import type { DecisionBody, RmaView } from '../schema.ts';
import { checkStep } from '../steps.ts';
import { loadRma } from './loadRma.ts';

export async function decideRma(ctx: Ctx, workOrderId: string, input: DecisionBody): Promise<RmaView> {
  const loaded = await loadRma(ctx, workOrderId, { forUpdate: true });
  const { order } = loaded;
  if (!can(ctx.actor, 'edit', order)) throw forbidden();
  checkStep(loaded.form, 'decision');
  const overriding = input.warrantyOverride !== undefined;
  if (overriding && !can(ctx.actor, 'overrideWarranty', order)) throw forbidden();
  if (overriding && !input.overrideReason) throw invalid({ field: 'overrideReason' }, 'RMA_OVERRIDE_REASON_REQUIRED');
  if (input.decision === 'reject' && !input.reason) throw invalid({ field: 'reason' }, 'RMA_REASON_REQUIRED');

  const warranty = await computeWarranty(ctx, loaded);
  const inWarranty = input.warrantyOverride ?? warranty.computed;
  let charge = 0;
  if (input.decision !== 'reject') {
    if (inWarranty && (input.chargeCents ?? 0) > 0) throw invalid({ field: 'chargeCents' }, 'RMA_FREE_IN_WARRANTY');
    if (!inWarranty) {
      if (input.chargeCents === undefined) throw invalid({ field: 'chargeCents' }, 'RMA_CHARGE_REQUIRED');
      charge = input.chargeCents;
    }
  }
  for (const item of loaded.items) {
    const w = overriding ? inWarranty : (warranty.byItem.get(item.id)?.inWarranty ?? false);
    await ctx.tx.updateTable('rma_items').set({ in_warranty: w }).where('id', '=', item.id).execute();
  }
  const now = new Date();
  await ctx.tx
    .updateTable('rma_forms')
    .set({
      status: 'decided',
      decision: input.decision,
      decision_reason: input.reason,
      in_warranty: inWarranty,
      warranty_computed: warranty.computed,
      warranty_override_reason: overriding ? (input.overrideReason ?? null) : null,
      charge_cents: charge,
      decided_at: now,
      decided_by: ctx.actor.id,
      updated_at: now,
    })
    .where('work_order_id', '=', order.id)
    .execute();
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: order.id,
    type: 'rma.decided',
    public: true,
    data: { decision: input.decision, reason: input.reason, inWarranty, chargeCents: charge },
  });
  if (overriding) {
    await recordEvent(ctx, {
      subjectType: 'work_order',
      subjectId: order.id,
      type: 'rma.warrantyOverridden',
      data: { computed: warranty.computed, inWarranty, reason: input.overrideReason, serviceDay: warranty.day },
    });
  }
  return presentRma(ctx, await loadRma(ctx, order.id));
}
