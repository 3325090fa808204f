/**
 * On-site visits (上门). Every step belongs to the visit's own technician;
 * times come from the server clock. "Nobody home" closes the visit with the
 * note left at the door and schedules the next one; the order stays open.
 */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { diff } from '../../events/record.ts';
import { allowedNext, applyStatus } from '../../workOrders/commands/transitionWorkOrder.ts';
import { repairEvent } from '../events.ts';
import { loadRepair, requireStaff } from '../policy.ts';
import type { NobodyHomeBody, RepairView } from '../schema.ts';
import type { RepairVisitsTable, VisitStatus } from '../tables.ts';
import { checkWindow } from './dispatch.ts';
import { getRepair } from './getRepair.ts';

type Visit = Selectable<RepairVisitsTable>;

async function loadOwnVisit(ctx: Ctx, id: string, visitId: string, allowed: VisitStatus[]) {
  requireStaff(ctx.actor);
  const { order } = await loadRepair(ctx, id);
  const visit = await ctx.tx
    .selectFrom('repair_visits')
    .selectAll()
    .where('id', '=', visitId)
    .where('work_order_id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!visit) throw notFound('REPAIR_VISIT_NOT_FOUND');
  if (visit.technician_id !== ctx.actor.id) throw forbidden('REPAIR_NOT_YOUR_VISIT');
  if (!allowed.includes(visit.status)) throw conflict('REPAIR_VISIT_STATE', { status: visit.status }, { status: visit.status });
  return { order, visit };
}

async function setVisit(ctx: Ctx, visit: Visit, values: Partial<Omit<Visit, 'id' | 'created_at'>>) {
  await ctx.tx.updateTable('repair_visits').set(values).where('id', '=', visit.id).execute();
}

export async function departVisit(ctx: Ctx, id: string, visitId: string): Promise<RepairView> {
  const { visit } = await loadOwnVisit(ctx, id, visitId, ['scheduled']);
  await setVisit(ctx, visit, { status: 'en_route', departed_at: new Date() });
  await repairEvent(ctx, id, 'departed', { visitId }, true);
  return getRepair(ctx, id);
}

export async function arriveVisit(ctx: Ctx, id: string, visitId: string): Promise<RepairView> {
  const { order, visit } = await loadOwnVisit(ctx, id, visitId, ['scheduled', 'en_route']);
  await setVisit(ctx, visit, { status: 'on_site', arrived_at: new Date() });
  await repairEvent(ctx, id, 'arrived', { visitId }, true);
  // Work has started: move a new or assigned order to "in progress" when its workflow allows.
  if (order.status !== 'in_progress' && (order.status_category === 'new' || order.status_category === 'open')) {
    const next = (await allowedNext(ctx, order)).find((s) => s.key === 'in_progress');
    if (next) await applyStatus(ctx, order, next);
  }
  return getRepair(ctx, id);
}

export async function recordVisit(ctx: Ctx, id: string, visitId: string, input: { findings?: string; solution?: string }) {
  const { visit } = await loadOwnVisit(ctx, id, visitId, ['on_site', 'done']);
  const after = { findings: input.findings ?? visit.findings, solution: input.solution ?? visit.solution };
  const changes = diff({ findings: visit.findings, solution: visit.solution }, after);
  if (changes) {
    await setVisit(ctx, visit, after);
    await repairEvent(ctx, id, 'visitRecorded', { visitId, ...changes });
  }
  return getRepair(ctx, id);
}

export async function completeVisit(ctx: Ctx, id: string, visitId: string): Promise<RepairView> {
  const { visit } = await loadOwnVisit(ctx, id, visitId, ['on_site']);
  await setVisit(ctx, visit, { status: 'done', finished_at: new Date() });
  await repairEvent(ctx, id, 'visitCompleted', { visitId }, true);
  return getRepair(ctx, id);
}

export async function nobodyHome(ctx: Ctx, id: string, visitId: string, input: NobodyHomeBody): Promise<RepairView> {
  const window = checkWindow(input.nextAppointmentStart, input.nextAppointmentEnd);
  const { visit } = await loadOwnVisit(ctx, id, visitId, ['en_route', 'on_site']);
  await setVisit(ctx, visit, { status: 'nobody_home', note_left: input.noteLeft, finished_at: new Date() });
  const next = await ctx.tx
    .insertInto('repair_visits')
    .values({ work_order_id: id, technician_id: visit.technician_id, appointment_start: window.start, appointment_end: window.end })
    .returning('id')
    .executeTakeFirstOrThrow();
  await repairEvent(
    ctx,
    id,
    'nobodyHome',
    {
      visitId,
      nextVisitId: next.id,
      noteLeft: input.noteLeft,
      nextAppointmentStart: input.nextAppointmentStart,
      nextAppointmentEnd: input.nextAppointmentEnd,
    },
    true,
  );
  return getRepair(ctx, id);
}
