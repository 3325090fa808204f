/** RMA rows → views; warranty is computed live until the decision fixes it. */
import type { Ctx } from '../../lib/context.ts';
import { serviceDay } from '../../lib/serviceDay.ts';
import { determineWarranty, loadWarrantyFacts, type WarrantyBasis } from '../customers/warranty.ts';
import type { Loaded } from './commands/loadRma.ts';
import { can } from './policy.ts';
import type { RmaView } from './schema.ts';
import { itemsEditable, nextSteps } from './steps.ts';

/** Per item warranty on the service day: the day of receipt at the warehouse, or today before that. */
export async function computeWarranty(ctx: Ctx, { order, form, items }: Loaded) {
  const day = serviceDay(form.received_at ?? new Date());
  const facts = await loadWarrantyFacts(ctx, order.customer_id, items.map((i) => i.asset_id));
  const byItem = new Map<string, { inWarranty: boolean; basis: WarrantyBasis }>();
  for (const item of items) {
    const w = determineWarranty(day, { assetWarrantyEnd: facts.assetWarrantyEnd(item.asset_id), contracts: facts.contracts });
    byItem.set(item.id, { inWarranty: w.inWarranty, basis: w.basis });
  }
  // One out-of-warranty item makes the handling chargeable.
  const computed = items.every((i) => byItem.get(i.id)?.inWarranty);
  return { day, byItem, computed };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function presentRma(ctx: Ctx, loaded: Loaded): Promise<RmaView> {
  const { order, form, items } = loaded;
  const internal = can(ctx.actor, 'seeInternal', order);
  const warranty = await computeWarranty(ctx, loaded);
  const decided = form.in_warranty !== null;
  const view: RmaView = {
    workOrderId: order.id,
    requestedAction: form.requested_action,
    status: form.status,
    notes: form.notes,
    items: items.map((i) => {
      const w = warranty.byItem.get(i.id) ?? { inWarranty: false, basis: 'none' as const };
      return {
        id: i.id,
        assetId: i.asset_id,
        product: i.product,
        serial: i.serial,
        quantity: i.quantity,
        faultDescription: i.fault_description,
        receivedQuantity: i.received_quantity,
        quantityMismatch: i.received_quantity !== null && i.received_quantity !== i.quantity,
        inspectionResult: i.inspection_result,
        ...(internal ? { inspectionNotes: i.inspection_notes } : {}),
        inWarranty: decided && i.in_warranty !== null ? i.in_warranty : w.inWarranty,
        warrantyBasis: w.basis,
      };
    }),
    receivedAt: iso(form.received_at),
    quantityMismatch: form.quantity_mismatch,
    inspectedAt: iso(form.inspected_at),
    warranty: {
      serviceDay: warranty.day,
      inWarranty: decided ? (form.in_warranty as boolean) : warranty.computed,
      computed: decided && form.warranty_computed !== null ? form.warranty_computed : warranty.computed,
      ...(internal ? { overrideReason: form.warranty_override_reason } : {}),
    },
    decision:
      form.decision && form.decided_at
        ? {
            decision: form.decision,
            reason: form.decision_reason,
            chargeable: form.in_warranty === false && form.decision !== 'reject',
            chargeCents: form.charge_cents ?? 0,
            decidedAt: form.decided_at.toISOString(),
          }
        : null,
    shipment:
      form.shipped_at && form.carrier && form.tracking_no
        ? { carrier: form.carrier, trackingNo: form.tracking_no, shippedAt: form.shipped_at.toISOString() }
        : null,
    closedAt: iso(form.closed_at),
    nextSteps: internal ? nextSteps(form) : [],
    abilities: {
      edit: can(ctx.actor, 'edit', order),
      editItems: can(ctx.actor, 'edit', order) && itemsEditable(form),
      inspect: can(ctx.actor, 'inspect', order),
      overrideWarranty: can(ctx.actor, 'overrideWarranty', order),
    },
  };
  if (internal) view.inspectionNotes = form.inspection_notes;
  return view;
}
