/**
 * A technician's visits of today (the service day in Asia/Shanghai) in
 * appointment order, with what they need on the road: customer, address,
 * contact phone, asset. Technicians see their own list only; other staff may
 * look at anyone's, limited to orders they can see.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden } from '../../../lib/errors.ts';
import { serviceDaySpan } from '../../../lib/serviceDay.ts';
import { visibleTo } from '../../workOrders/policy.ts';
import { requireStaff } from '../policy.ts';

export async function todayVisits(ctx: Ctx, technicianId: string | undefined, now = new Date()) {
  requireStaff(ctx.actor);
  const who = technicianId ?? ctx.actor.id;
  if (ctx.actor.role === 'technician' && who !== ctx.actor.id) throw forbidden('REPAIR_NOT_YOUR_VISIT');
  const { from, to } = serviceDaySpan(now);
  const rows = await ctx.tx
    .selectFrom('repair_visits as v')
    .innerJoin('work_orders', 'work_orders.id', 'v.work_order_id')
    .innerJoin('customers as c', 'c.id', 'work_orders.customer_id')
    .leftJoin('contacts as ct', 'ct.id', 'work_orders.contact_id')
    .leftJoin('assets as a', 'a.id', 'work_orders.asset_id')
    .select([
      'v.id as visit_id',
      'v.status',
      'v.appointment_start',
      'v.appointment_end',
      'work_orders.id as work_order_id',
      'work_orders.number',
      'work_orders.subject',
      'work_orders.status as order_status',
      'c.id as customer_id',
      'c.name as customer_name',
      sql<string>`concat_ws('', c.province, c.city, c.county, c.address)`.as('address'),
      'c.phones as customer_phones',
      'ct.name as contact_name',
      'ct.phones as contact_phones',
      'a.id as asset_id',
      'a.name as asset_name',
      'a.model as asset_model',
    ])
    .where('v.technician_id', '=', who)
    .where('v.status', '<>', 'cancelled')
    .where('v.appointment_start', '>=', from)
    .where('v.appointment_start', '<', to)
    .where(visibleTo(ctx.actor))
    .orderBy('v.appointment_start')
    .orderBy('v.id')
    .execute();
  return rows.map((r) => ({
    visitId: r.visit_id,
    workOrderId: r.work_order_id,
    number: r.number,
    subject: r.subject,
    status: r.status,
    orderStatus: r.order_status,
    appointmentStart: r.appointment_start.toISOString(),
    appointmentEnd: r.appointment_end.toISOString(),
    customer: { id: r.customer_id, name: r.customer_name, address: r.address },
    // Without a contact on the order, the organisation's phone is the one to call.
    contact:
      r.contact_name !== null
        ? { name: r.contact_name, phone: r.contact_phones?.[0] ?? r.customer_phones[0] ?? null }
        : r.customer_phones[0]
          ? { name: r.customer_name, phone: r.customer_phones[0] }
          : null,
    asset: r.asset_id !== null ? { id: r.asset_id, name: r.asset_name ?? '', model: r.asset_model ?? '' } : null,
  }));
}
