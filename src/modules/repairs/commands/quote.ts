/**
 * The quote (报价): lines from the price list (a snapshot of code, name, unit
 * and price at the time) or custom lines that wait for a supervisor's approval.
 * The customer accepts or refuses the whole quote — on the technician's phone
 * or in the portal. An accepted quote is frozen; changing a refused one
 * clears the refusal so the customer decides again.
 */
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { repairEvent } from '../events.ts';
import { isSupervisor, loadForWork, loadRepair, type RepairRow, requireSupervisor } from '../policy.ts';
import { presentRepair } from '../present.ts';
import type { QuoteLineBody, RepairView } from '../schema.ts';
import { getRepair } from './getRepair.ts';

async function reopenQuote(ctx: Ctx, repair: RepairRow): Promise<void> {
  if (repair.quote_decision === 'accepted') throw conflict('REPAIR_QUOTE_DECIDED');
  if (repair.quote_decision === 'refused') {
    await ctx.tx
      .updateTable('repair_orders')
      .set({ quote_decision: null, quote_decided_at: null, quote_decided_by: null, updated_at: new Date() })
      .where('work_order_id', '=', repair.work_order_id)
      .execute();
  }
}

/** Public event data about the quote as the customer now sees it. */
async function quoteTotals(ctx: Ctx, id: string) {
  const view = await getRepair(ctx, id);
  return { view, totals: { totalCents: view.quote.totalCents, chargedCents: view.quote.chargedCents, inWarranty: view.warranty.inWarranty } };
}

export async function addQuoteLine(ctx: Ctx, id: string, input: QuoteLineBody): Promise<RepairView> {
  const { repair } = await loadForWork(ctx, id);
  await reopenQuote(ctx, repair);
  let values: { price_item_id: string | null; code: string; name: string; unit: string; category: 'labour' | 'parts' | 'travel' | 'other'; unit_price_cents: number; approval: 'not_needed' | 'pending' };
  if ('priceItemId' in input) {
    const item = await ctx.tx
      .selectFrom('price_items')
      .selectAll()
      .where('id', '=', input.priceItemId)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!item) throw notFound('PRICE_ITEM_NOT_FOUND');
    values = { price_item_id: item.id, code: item.code, name: item.name, unit: item.unit, category: item.category, unit_price_cents: item.price_cents, approval: 'not_needed' };
  } else {
    const c = input.custom;
    values = { price_item_id: null, code: '', name: c.name, unit: c.unit, category: c.category, unit_price_cents: c.unitPriceCents, approval: 'pending' };
  }
  const line = await ctx.tx
    .insertInto('repair_quote_lines')
    .values({ work_order_id: id, ...values, quantity: input.quantity, created_by: ctx.actor.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { view, totals } = await quoteTotals(ctx, id);
  await repairEvent(
    ctx,
    id,
    'quoteLineAdded',
    { lineId: line.id, name: values.name, quantity: input.quantity, unit: values.unit, unitPriceCents: values.unit_price_cents, custom: values.approval === 'pending', ...totals },
    true,
  );
  return view;
}

export async function removeQuoteLine(ctx: Ctx, id: string, lineId: string): Promise<RepairView> {
  const { repair } = await loadForWork(ctx, id);
  await reopenQuote(ctx, repair);
  const removed = await ctx.tx
    .deleteFrom('repair_quote_lines')
    .where('id', '=', lineId)
    .where('work_order_id', '=', id)
    .returning(['name', 'quantity'])
    .executeTakeFirst();
  if (!removed) throw notFound('REPAIR_QUOTE_LINE_NOT_FOUND');
  const { view, totals } = await quoteTotals(ctx, id);
  await repairEvent(ctx, id, 'quoteLineRemoved', { lineId, name: removed.name, quantity: removed.quantity, ...totals }, true);
  return view;
}

export async function approveQuoteLine(ctx: Ctx, id: string, lineId: string): Promise<RepairView> {
  const { order, repair } = await loadForWork(ctx, id);
  requireSupervisor(ctx.actor, order);
  const line = await ctx.tx
    .updateTable('repair_quote_lines')
    .set({ approval: 'approved', approved_by: ctx.actor.id })
    .where('id', '=', lineId)
    .where('work_order_id', '=', id)
    .where('approval', '=', 'pending')
    .returning(['name', 'unit_price_cents'])
    .executeTakeFirst();
  if (!line) throw notFound('REPAIR_QUOTE_LINE_NOT_FOUND');
  await repairEvent(ctx, id, 'quoteLineApproved', { lineId, name: line.name, unitPriceCents: line.unit_price_cents });
  return presentRepair(ctx, order, repair);
}

/**
 * The customer's decision: by the customer user in the portal, or recorded on
 * site by the technician (or a supervisor). In the portal the customer decides
 * a proposed quote once — every line approved, not yet decided; a changed quote
 * is proposed again. On site a refusal can still turn into an acceptance.
 */
export async function decideQuote(ctx: Ctx, id: string, decision: 'accept' | 'refuse'): Promise<RepairView> {
  const { order, repair } = await loadRepair(ctx, id);
  if (!repair) throw conflict('REPAIR_NOT_DISPATCHED');
  const isCustomer = ctx.actor.role === 'customer';
  const onSite = repair.technician_id === ctx.actor.id || isSupervisor(ctx.actor, order);
  if (!isCustomer && !onSite) throw forbidden('REPAIR_NOT_YOUR_VISIT');
  if (repair.quote_decision === 'accepted') throw conflict(isCustomer ? 'REPAIR_QUOTE_ALREADY_ANSWERED' : 'REPAIR_QUOTE_DECIDED');
  if (isCustomer && repair.quote_decision !== null) throw conflict('REPAIR_QUOTE_ALREADY_ANSWERED');
  const view = await presentRepair(ctx, order, repair);
  if (!view.quote.lines.length) throw conflict('REPAIR_QUOTE_EMPTY');
  if ((decision === 'accept' || isCustomer) && view.quote.pendingApproval) throw conflict('REPAIR_QUOTE_PENDING_APPROVAL');
  const value = decision === 'accept' ? 'accepted' : 'refused';
  await ctx.tx
    .updateTable('repair_orders')
    .set({ quote_decision: value, quote_decided_at: new Date(), quote_decided_by: ctx.actor.id, updated_at: new Date() })
    .where('work_order_id', '=', id)
    .execute();
  await repairEvent(
    ctx,
    id,
    decision === 'accept' ? 'quoteAccepted' : 'quoteRefused',
    { totalCents: view.quote.totalCents, chargedCents: view.quote.chargedCents, inWarranty: view.warranty.inWarranty, onBehalf: ctx.actor.role !== 'customer' },
    true,
  );
  return getRepair(ctx, id);
}

/** A supervisor replaces the computed warranty status; the reason stays on the record and the timeline. */
export async function overrideWarranty(ctx: Ctx, id: string, input: { inWarranty: boolean; reason: string }): Promise<RepairView> {
  const { order, repair } = await loadForWork(ctx, id);
  requireSupervisor(ctx.actor, order);
  if (repair.quote_decision === 'accepted') throw conflict('REPAIR_QUOTE_DECIDED');
  const before = (await presentRepair(ctx, order, repair)).warranty.inWarranty;
  await ctx.tx
    .updateTable('repair_orders')
    .set({ warranty_override: input.inWarranty, warranty_override_reason: input.reason, updated_at: new Date() })
    .where('work_order_id', '=', id)
    .execute();
  await reopenQuote(ctx, repair);
  const { view, totals } = await quoteTotals(ctx, id);
  await repairEvent(ctx, id, 'warrantyOverridden', { before, after: input.inWarranty, reason: input.reason });
  await repairEvent(ctx, id, 'quoteRepriced', totals, true);
  return view;
}
