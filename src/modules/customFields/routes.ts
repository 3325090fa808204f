/** HTTP routes for custom field definitions. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { createCustomField, listCustomFields, updateCustomField } from './commands/customFieldDefs.ts';
import './messages.ts';
import { CreateCustomFieldBody, CustomFieldListQuery, CustomFieldView, UpdateCustomFieldBody } from './schema.ts';

const tags = ['config'];

export async function customFieldRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/config/custom-fields',
    { schema: { tags, querystring: CustomFieldListQuery, response: { 200: z.object({ items: z.array(CustomFieldView) }) } } },
    async (request) => ({ items: await withCtx(request, (ctx) => listCustomFields(ctx, request.query)) }),
  );
  r.post('/config/custom-fields', { schema: { tags, body: CreateCustomFieldBody, response: { 201: CustomFieldView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createCustomField(ctx, request.body))),
  );
  r.patch(
    '/config/custom-fields/:id',
    { schema: { tags, params: z.object({ id: z.uuid() }), body: UpdateCustomFieldBody, response: { 200: CustomFieldView } } },
    (request) => withCtx(request, (ctx) => updateCustomField(ctx, request.params.id, request.body)),
  );
}
