/** "When is this due?": lets an admin check a calendar before SLA policies use it. */
import { addBusinessSeconds, BusinessTimeError, calendarSecondsBetween, nextWorkingMoment } from '../../../lib/businessTime/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError } from '../../../lib/errors.ts';
import { loadCalendar } from '../load.ts';
import { authorizeRead } from '../policy.ts';
import { findCalendar } from './store.ts';
import '../messages.ts';

export async function computeDue(ctx: Ctx, id: string, input: { start: string; seconds: number }) {
  authorizeRead(ctx);
  await findCalendar(ctx, id);
  const calendar = await loadCalendar(ctx.tx, id);
  const start = new Date(input.start);
  try {
    const dueAt = addBusinessSeconds(calendar, start, input.seconds);
    return {
      start: start.toISOString(),
      seconds: input.seconds,
      dueAt: dueAt.toISOString(),
      countingFrom: nextWorkingMoment(calendar, start).toISOString(),
      calendarSeconds: calendarSecondsBetween(start, dueAt),
    };
  } catch (error) {
    if (error instanceof BusinessTimeError) throw new AppError('CALENDAR_COMPUTE_OUT_OF_RANGE', 400, {}, { reason: error.message });
    throw error;
  }
}
