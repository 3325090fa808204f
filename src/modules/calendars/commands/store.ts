/** Reading and writing a calendar's rows; shared by the commands. */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, notFound } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import type { CalendarDate } from '../schema.ts';
import type { BusinessCalendarsTable } from '../tables.ts';

export type CalendarRow = Selectable<BusinessCalendarsTable>;
export type DateEntry = Pick<CalendarDate, 'date' | 'kind' | 'name'>;

export async function findCalendar(ctx: Ctx, id: string): Promise<CalendarRow> {
  const row = await ctx.tx.selectFrom('business_calendars').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('CALENDAR_NOT_FOUND');
  return row;
}

export async function lockCalendar(ctx: Ctx, id: string): Promise<CalendarRow> {
  const row = await ctx.tx.selectFrom('business_calendars').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('CALENDAR_NOT_FOUND');
  return row;
}

export async function readDates(ctx: Ctx, id: string): Promise<DateEntry[]> {
  return ctx.tx
    .selectFrom('business_calendar_dates')
    .select(['date', 'kind', 'name'])
    .where('calendar_id', '=', id)
    .orderBy('date')
    .execute();
}

export async function replaceDates(ctx: Ctx, id: string, dates: readonly DateEntry[]): Promise<void> {
  await ctx.tx.deleteFrom('business_calendar_dates').where('calendar_id', '=', id).execute();
  // Chunked so a few years of dates stay well below the statement parameter limit.
  for (let i = 0; i < dates.length; i += 500) {
    const chunk = dates.slice(i, i + 500).map((d) => ({ calendar_id: id, date: d.date, kind: d.kind, name: d.name }));
    await ctx.tx.insertInto('business_calendar_dates').values(chunk).execute();
  }
}

export async function nameFree(ctx: Ctx, name: string, exceptId?: string): Promise<void> {
  let q = ctx.tx.selectFrom('business_calendars').select('id').where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw conflict('CALENDAR_NAME_TAKEN', { name });
}

/**
 * Makes `id` the only default calendar (the old default first, for the unique index)
 * and records the change on the old default too, so its own history shows it.
 */
export async function makeDefault(ctx: Ctx, id: string): Promise<void> {
  const old = await ctx.tx
    .updateTable('business_calendars')
    .set({ is_default: false, updated_at: new Date() })
    .where('is_default', '=', true)
    .where('id', '<>', id)
    .returning(['id', 'name'])
    .executeTakeFirst();
  await ctx.tx.updateTable('business_calendars').set({ is_default: true }).where('id', '=', id).execute();
  if (old) {
    await recordEvent(ctx, {
      subjectType: 'config',
      subjectId: old.id,
      type: 'calendar.updated',
      data: { name: old.name, before: { isDefault: true }, after: { isDefault: false }, newDefaultId: id },
    });
  }
}

const MAX_LISTED = 100;

/** What changed between two date lists, for the audit log (long lists are cut, counts stay exact). */
export function datesDiff(before: readonly DateEntry[], after: readonly DateEntry[]) {
  const old = new Map(before.map((d) => [d.date, d]));
  const now = new Map(after.map((d) => [d.date, d]));
  const added = after.filter((d) => !old.has(d.date));
  const removed = before.filter((d) => !now.has(d.date));
  const changed = after.filter((d) => {
    const o = old.get(d.date);
    return o !== undefined && (o.kind !== d.kind || o.name !== d.name);
  });
  if (added.length + removed.length + changed.length === 0) return null;
  return {
    addedCount: added.length,
    removedCount: removed.length,
    changedCount: changed.length,
    added: added.slice(0, MAX_LISTED),
    removed: removed.slice(0, MAX_LISTED),
    changed: changed.slice(0, MAX_LISTED).map((d) => ({ ...d, before: old.get(d.date) })),
  };
}
