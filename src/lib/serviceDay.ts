/**
 * The service day: the calendar day in China (Asia/Shanghai, UTC+8, no daylight
 * saving), whatever the server's own time zone. Work order numbers, warranty
 * ends, contract spans and "today's visits" are all dated by it.
 */
import { DAY_MS, isoDate } from './businessTime/days.ts';
import { fromLocalMs, localDayOf } from './businessTime/timeZone.ts';

export const SERVICE_TIME_ZONE = 'Asia/Shanghai';

/** The service day (YYYY-MM-DD) of an instant; now by default. */
export function serviceDay(at: Date = new Date()): string {
  return isoDate(localDayOf(SERVICE_TIME_ZONE, at.getTime()));
}

/** The instants a service day starts and ends (exclusive). */
export function serviceDaySpan(at: Date = new Date()): { from: Date; to: Date } {
  const day = localDayOf(SERVICE_TIME_ZONE, at.getTime());
  return {
    from: new Date(fromLocalMs(SERVICE_TIME_ZONE, day * DAY_MS)),
    to: new Date(fromLocalMs(SERVICE_TIME_ZONE, (day + 1) * DAY_MS)),
  };
}
