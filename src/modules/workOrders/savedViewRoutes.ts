/** HTTP routes for a user's saved work order views. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './commands/savedViews.ts';
import './messages.ts';
import { CreateSavedViewBody, SavedViewParams, SavedViewView, UpdateSavedViewBody } from './savedViewSchema.ts';

const tags = ['saved views'];
const Ok = z.object({ ok: z.literal(true) });

export async function savedViewRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/saved-views', { schema: { tags, response: { 200: z.object({ items: z.array(SavedViewView) }) } } }, async (request) => ({
    items: await withCtx(request, listSavedViews),
  }));
  r.post(
    '/saved-views',
    { schema: { tags, body: CreateSavedViewBody, response: { 201: SavedViewView } } },
    async (request, reply) => reply.code(201).send(await withCtx(request, (ctx) => createSavedView(ctx, request.body))),
  );
  r.patch(
    '/saved-views/:id',
    { schema: { tags, params: SavedViewParams, body: UpdateSavedViewBody, response: { 200: SavedViewView } } },
    (request) => withCtx(request, (ctx) => updateSavedView(ctx, request.params.id, request.body)),
  );
  r.delete('/saved-views/:id', { schema: { tags, params: SavedViewParams, response: { 200: Ok } } }, async (request) => {
    await withCtx(request, (ctx) => deleteSavedView(ctx, request.params.id));
    return { ok: true as const };
  });
}
