/** "When is this due?": lets an admin check a calendar before SLA policies use it. */
import {
  addBusinessSeconds,
  BusinessTimeError,
  calendarSecondsBetween,
  fromLocalMs,
  nextWorkingMoment,
  toLocalMs,
} from '../../../lib/businessTime/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError } from '../../../lib/errors.ts';
import { loadCalendar } from '../load.ts';
import { authorizeRead } from '../policy.ts';
import type { ComputeBody } from '../schema.ts';
import { findCalendar } from './store.ts';
import '../messages.ts';

/** 'YYYY-MM-DD HH:MM:SS' on the wall clock of `zone`. */
function wallClock(zone: string, at: Date): string {
  return new Date(toLocalMs(zone, at.getTime())).toISOString().slice(0, 19).replace('T', ' ');
}

export async function computeDue(ctx: Ctx, id: string, input: ComputeBody) {
  authorizeRead(ctx);
  await findCalendar(ctx, id);
  const calendar = await loadCalendar(ctx.tx, id);
  const zone = calendar.timeZone;
  const start = input.start
    ? new Date(input.start)
    : new Date(fromLocalMs(zone, Date.parse(`${input.localStart!.length === 16 ? `${input.localStart}:00` : input.localStart}Z`)));
  try {
    const dueAt = addBusinessSeconds(calendar, start, input.seconds);
    const countingFrom = nextWorkingMoment(calendar, start);
    return {
      start: start.toISOString(),
      seconds: input.seconds,
      dueAt: dueAt.toISOString(),
      countingFrom: countingFrom.toISOString(),
      calendarSeconds: calendarSecondsBetween(start, dueAt),
      timeZone: zone,
      local: { start: wallClock(zone, start), dueAt: wallClock(zone, dueAt), countingFrom: wallClock(zone, countingFrom) },
    };
  } catch (error) {
    if (error instanceof BusinessTimeError) throw new AppError('CALENDAR_COMPUTE_OUT_OF_RANGE', 400, {}, { reason: error.message });
    throw error;
  }
}
