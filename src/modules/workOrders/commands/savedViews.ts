/**
 * A user's own saved views of the work order list. Nobody else sees or edits
 * them (404, as if they did not exist); at most MAX_SAVED_VIEWS each.
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, notFound } from '../../../lib/errors.ts';
import { diff, recordEvent } from '../../events/record.ts';
import {
  type CreateSavedViewBody,
  MAX_SAVED_VIEWS,
  type SavedViewView,
  type UpdateSavedViewBody,
  WorkOrderFilters,
} from '../savedViewSchema.ts';
import type { SavedViewsTable } from '../tables.ts';

function present(row: Selectable<SavedViewsTable>): SavedViewView {
  // Filters were validated when saved; parsing again drops keys a later version no longer knows.
  const filters = WorkOrderFilters.safeParse(row.filters);
  return { id: row.id, name: row.name, filters: filters.success ? filters.data : {}, createdAt: row.created_at.toISOString() };
}

export async function listSavedViews(ctx: Ctx): Promise<SavedViewView[]> {
  const rows = await ctx.tx
    .selectFrom('saved_views')
    .selectAll()
    .where('user_id', '=', ctx.actor.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(present);
}

async function loadOwn(ctx: Ctx, id: string) {
  const row = await ctx.tx
    .selectFrom('saved_views')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.id)
    .executeTakeFirst();
  if (!row) throw notFound('SAVED_VIEW_NOT_FOUND');
  return row;
}

async function assertNameFree(ctx: Ctx, name: string, exceptId?: string) {
  let q = ctx.tx.selectFrom('saved_views').select('id').where('user_id', '=', ctx.actor.id).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw conflict('SAVED_VIEW_NAME_TAKEN');
}

export async function createSavedView(ctx: Ctx, input: z.infer<typeof CreateSavedViewBody>): Promise<SavedViewView> {
  // Lock the user's row so two concurrent saves cannot both pass the limit.
  await ctx.tx.selectFrom('users').select('id').where('id', '=', ctx.actor.id).forUpdate().execute();
  const { count } = await ctx.tx
    .selectFrom('saved_views')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', ctx.actor.id)
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_SAVED_VIEWS) throw conflict('SAVED_VIEW_LIMIT', { max: MAX_SAVED_VIEWS });
  await assertNameFree(ctx, input.name);
  const row = await ctx.tx
    .insertInto('saved_views')
    .values({ user_id: ctx.actor.id, name: input.name, filters: JSON.stringify(input.filters) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, { subjectType: 'user', subjectId: ctx.actor.id, type: 'savedView.created', data: { id: row.id, ...input } });
  return present(row);
}

export async function updateSavedView(ctx: Ctx, id: string, input: z.infer<typeof UpdateSavedViewBody>): Promise<SavedViewView> {
  const before = await loadOwn(ctx, id);
  if (input.name !== undefined && input.name !== before.name) await assertNameFree(ctx, input.name, id);
  const after = { name: input.name ?? before.name, filters: input.filters ?? before.filters };
  const row = await ctx.tx
    .updateTable('saved_views')
    .set({ name: after.name, filters: JSON.stringify(after.filters) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const change = diff(before, after);
  if (change) await recordEvent(ctx, { subjectType: 'user', subjectId: ctx.actor.id, type: 'savedView.updated', data: { id, ...change } });
  return present(row);
}

export async function deleteSavedView(ctx: Ctx, id: string): Promise<void> {
  const row = await loadOwn(ctx, id);
  await ctx.tx.deleteFrom('saved_views').where('id', '=', id).execute();
  await recordEvent(ctx, { subjectType: 'user', subjectId: ctx.actor.id, type: 'savedView.deleted', data: { id, name: row.name } });
}
