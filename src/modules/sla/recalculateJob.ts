/**
 * A business calendar changed (hours, holidays, 调休, or which one is the
 * default): every live business-time clock that counts in it gets its due time
 * recomputed and its timer moved, so a warning or breach brought forward by the
 * change fires on time instead of at the old moment. (A moment pushed later
 * corrects itself anyway: the timer finds nothing due and moves itself.)
 *
 * The subscriber only schedules this job, in the calendar change's transaction,
 * so the work runs after the change is committed and outside the admin's request.
 */
import { z } from 'zod';
import { defineJob, type JobContext } from '../../jobs/defineJob.ts';
import { inSystemTransaction } from '../../jobs/systemContext.ts';
import type { EventSubscriber } from '../events/dispatch.ts';
import { afterClocksChanged, engine, liveClocks, recompute, save } from './store.ts';

/** Orders per transaction: keeps each one short (PGlite has one connection for everyone). */
const ORDERS_PER_TRANSACTION = 50;

async function ordersCounting(context: JobContext, calendarId: string): Promise<string[]> {
  return inSystemTransaction(context, async (ctx) => {
    const calendar = await ctx.tx.selectFrom('business_calendars').select('is_default').where('id', '=', calendarId).executeTakeFirst();
    const rows = await ctx.tx
      .selectFrom('work_order_sla_clocks')
      .select('work_order_id')
      .distinct()
      .where('stopped_at', 'is', null)
      .where('superseded_at', 'is', null)
      .where('mode', '=', 'business')
      // Clocks without a calendar of their own count in the default one.
      .where((eb) => (calendar?.is_default ? eb.or([eb('calendar_id', '=', calendarId), eb('calendar_id', 'is', null)]) : eb('calendar_id', '=', calendarId)))
      .execute();
    return rows.map((r) => r.work_order_id);
  });
}

export async function recalculateCalendar(data: { calendarId: string }, context: JobContext): Promise<void> {
  const orders = await ordersCounting(context, data.calendarId);
  for (let i = 0; i < orders.length; i += ORDERS_PER_TRANSACTION) {
    await inSystemTransaction(context, async (cached) => {
      // Read the calendar itself: another instance's cache may not have heard of the change yet.
      const ctx = { ...cached, configCache: undefined };
      const e = engine(ctx);
      for (const workOrderId of orders.slice(i, i + ORDERS_PER_TRANSACTION)) {
        // Same lock order as every clock change: the order first, then its clocks.
        await ctx.tx.selectFrom('work_orders').select('id').where('id', '=', workOrderId).forUpdate().execute();
        const rows = (await liveClocks(ctx, workOrderId)).filter((r) => r.mode === 'business');
        await recompute(e, rows);
        for (const row of rows) await save(ctx, row);
        await afterClocksChanged(e, workOrderId);
      }
    });
  }
}

export const slaRecalculateJob = defineJob({
  name: 'sla.recalculate',
  schema: z.object({ calendarId: z.uuid() }),
  handler: recalculateCalendar,
});

export const slaCalendarSubscriber: EventSubscriber = {
  name: 'sla.calendarChanged',
  types: ['calendar.updated', 'calendar.datesImported'],
  async handle(ctx, event) {
    await ctx.jobs.schedule(slaRecalculateJob, { calendarId: event.subjectId });
  },
};
