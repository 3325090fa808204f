/** Builds the repair view of a work order from its rows; customers get no materials or internal names beyond the technician. */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import { latestOutbound } from '../outbound/present.ts';
import { can } from '../workOrders/policy.ts';
import type { WorkOrdersTable } from '../workOrders/tables.ts';
import { ACCEPTANCE_CODE_PURPOSE } from './acceptanceSms.ts';
import { priceLine, sumCents } from './money.ts';
import { isSupervisor, isTechnicianOrSupervisor, type RepairRow } from './policy.ts';
import type { QuoteLineView, RepairView, VisitView } from './schema.ts';
import { warrantyOf } from './warranty.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function presentRepair(ctx: Ctx, order: Selectable<WorkOrdersTable>, repair: RepairRow | null): Promise<RepairView> {
  const id = order.id;
  const visits = await ctx.tx
    .selectFrom('repair_visits as v')
    .leftJoin('users as u', 'u.id', 'v.technician_id')
    .selectAll('v')
    .select('u.display_name')
    .where('v.work_order_id', '=', id)
    .orderBy('v.created_at')
    .execute();
  const firstArrival = visits.find((v) => v.arrived_at)?.arrived_at ?? null;
  const warranty = await warrantyOf(ctx, order, repair, firstArrival);

  const lineRows = await ctx.tx.selectFrom('repair_quote_lines').selectAll().where('work_order_id', '=', id).orderBy('created_at').orderBy('id').execute();
  const lines: QuoteLineView[] = lineRows.map((l) => ({
    id: l.id,
    priceItemId: l.price_item_id,
    code: l.code,
    name: l.name,
    unit: l.unit,
    category: l.category,
    unitPriceCents: l.unit_price_cents,
    quantity: l.quantity,
    approval: l.approval,
    ...priceLine(l, warranty.inWarranty),
  }));

  const staffView = ctx.actor.role !== 'customer';
  const materials = staffView
    ? await ctx.tx
        .selectFrom('repair_materials as m')
        .innerJoin('stock_items as s', 's.id', 'm.stock_item_id')
        .select(['m.id', 'm.quantity', 'm.customer_supplied', 'm.created_at', 's.id as stock_id', 's.code', 's.name', 's.unit'])
        .where('m.work_order_id', '=', id)
        .orderBy('m.created_at')
        .execute()
    : [];

  const movements = staffView
    ? await ctx.tx
        .selectFrom('stock_movements as sm')
        .innerJoin('stock_items as s', 's.id', 'sm.stock_item_id')
        .leftJoin('users as u', 'u.id', 'sm.actor_id')
        .select(['sm.id', 'sm.delta', 'sm.quantity_after', 'sm.reason', 'sm.actor_id', 'sm.created_at', 'u.display_name', 's.id as stock_id', 's.code', 's.name', 's.unit'])
        .where('sm.work_order_id', '=', id)
        .orderBy('sm.id', 'desc')
        .limit(200)
        .execute()
    : [];

  const names = await peopleNames(ctx, [repair?.dispatcher_id, repair?.technician_id]);
  const person = (userId: string | undefined) => (userId ? { id: userId, name: names.get(userId) ?? '' } : null);

  return {
    workOrderId: id,
    dispatched: repair !== null,
    dispatcher: staffView ? person(repair?.dispatcher_id) : null,
    technician: person(repair?.technician_id),
    visits: visits.map(
      (v): VisitView => ({
        id: v.id,
        technician: { id: v.technician_id, name: v.display_name ?? '' },
        appointmentStart: v.appointment_start.toISOString(),
        appointmentEnd: v.appointment_end.toISOString(),
        status: v.status,
        departedAt: iso(v.departed_at),
        arrivedAt: iso(v.arrived_at),
        finishedAt: iso(v.finished_at),
        findings: v.findings,
        solution: v.solution,
        noteLeft: v.note_left,
      }),
    ),
    warranty,
    quote: {
      lines,
      totalCents: sumCents(lines.map((l) => l.amountCents)),
      chargedCents: sumCents(lines.map((l) => l.chargedCents)),
      pendingApproval: lines.some((l) => l.approval === 'pending'),
      decision: repair?.quote_decision ?? null,
      decidedAt: iso(repair?.quote_decided_at ?? null),
    },
    materials: materials.map((m) => ({
      id: m.id,
      stockItem: { id: m.stock_id, code: m.code, name: m.name, unit: m.unit },
      quantity: m.quantity,
      customerSupplied: m.customer_supplied,
      createdAt: m.created_at.toISOString(),
    })),
    stockMovements: movements.map((m) => ({
      id: Number(m.id),
      stockItem: { id: m.stock_id, code: m.code, name: m.name, unit: m.unit },
      delta: m.delta,
      quantityAfter: m.quantity_after,
      reason: m.reason,
      actor: m.actor_id ? { id: m.actor_id, name: m.display_name ?? '' } : null,
      createdAt: m.created_at.toISOString(),
    })),
    acceptance: {
      accepted: repair?.accepted_at != null,
      method: repair?.acceptance_method ?? null,
      acceptedAt: iso(repair?.accepted_at ?? null),
      codePending: repair?.code_hash != null && repair.accepted_at === null,
      codeMessage: staffView && repair ? await latestOutbound(ctx, id, ACCEPTANCE_CODE_PURPOSE) : null,
    },
    abilities: {
      dispatch: staffView && can(ctx.actor, 'assign', order),
      actOnVisit: repair !== null && repair.technician_id === ctx.actor.id,
      supervise: staffView && isSupervisor(ctx.actor, order),
      // Mirrors decideQuote: a customer decides a proposed quote once; on site the technician or a supervisor records it.
      decideQuote:
        repair !== null &&
        (staffView
          ? repair.technician_id === ctx.actor.id || isSupervisor(ctx.actor, order)
          : repair.quote_decision === null && lines.length > 0 && !lines.some((l) => l.approval === 'pending')),
      editQuote: staffView && repair !== null && repair.quote_decision !== 'accepted' && isTechnicianOrSupervisor(ctx.actor, order, repair),
    },
  };
}

async function peopleNames(ctx: Ctx, ids: Array<string | undefined>): Promise<Map<string, string>> {
  const wanted = ids.filter((v): v is string => !!v);
  if (!wanted.length) return new Map();
  const rows = await ctx.tx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
