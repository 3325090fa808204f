/** HTTP routes for a customer's contacts, assets and contracts. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { createAsset, getAsset, listAssets, setAssetArchived, updateAsset } from './commands/assets.ts';
import { createContact, getContact, listContacts, setContactArchived, updateContact } from './commands/contacts.ts';
import { createContract, getContract, listContracts, setContractArchived, updateContract } from './commands/contracts.ts';
import {
  AssetBody,
  AssetView,
  ChildListQuery,
  ContactBody,
  ContactView,
  ContractBody,
  ContractView,
  UpdateAssetBody,
  UpdateContactBody,
  UpdateContractBody,
} from './schema.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['customers'];

export async function childRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const list = <T extends z.ZodTypeAny>(view: T) => ({
    schema: { tags, params: IdParams, querystring: ChildListQuery, response: { 200: z.object({ items: z.array(view) }) } },
  });
  const one = <T extends z.ZodTypeAny>(view: T) => ({ schema: { tags, params: IdParams, response: { 200: view } } });

  r.get('/customers/:id/contacts', list(ContactView), async (request) => ({
    items: await withCtx(request, (ctx) => listContacts(ctx, request.params.id, request.query.includeArchived === 'true')),
  }));
  r.post('/customers/:id/contacts', { schema: { tags, params: IdParams, body: ContactBody, response: { 201: ContactView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createContact(ctx, request.params.id, request.body))),
  );
  r.get('/contacts/:id', one(ContactView), (request) => withCtx(request, (ctx) => getContact(ctx, request.params.id)));
  r.patch('/contacts/:id', { schema: { tags, params: IdParams, body: UpdateContactBody, response: { 200: ContactView } } }, (request) =>
    withCtx(request, (ctx) => updateContact(ctx, request.params.id, request.body)),
  );
  r.post('/contacts/:id/archive', one(ContactView), (request) => withCtx(request, (ctx) => setContactArchived(ctx, request.params.id, true)));
  r.post('/contacts/:id/restore', one(ContactView), (request) => withCtx(request, (ctx) => setContactArchived(ctx, request.params.id, false)));

  r.get('/customers/:id/assets', list(AssetView), async (request) => ({
    items: await withCtx(request, (ctx) => listAssets(ctx, request.params.id, request.query.includeArchived === 'true')),
  }));
  r.post('/customers/:id/assets', { schema: { tags, params: IdParams, body: AssetBody, response: { 201: AssetView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createAsset(ctx, request.params.id, request.body))),
  );
  r.get('/assets/:id', one(AssetView), (request) => withCtx(request, (ctx) => getAsset(ctx, request.params.id)));
  r.patch('/assets/:id', { schema: { tags, params: IdParams, body: UpdateAssetBody, response: { 200: AssetView } } }, (request) =>
    withCtx(request, (ctx) => updateAsset(ctx, request.params.id, request.body)),
  );
  r.post('/assets/:id/archive', one(AssetView), (request) => withCtx(request, (ctx) => setAssetArchived(ctx, request.params.id, true)));
  r.post('/assets/:id/restore', one(AssetView), (request) => withCtx(request, (ctx) => setAssetArchived(ctx, request.params.id, false)));

  r.get('/customers/:id/contracts', list(ContractView), async (request) => ({
    items: await withCtx(request, (ctx) => listContracts(ctx, request.params.id, request.query.includeArchived === 'true')),
  }));
  r.post('/customers/:id/contracts', { schema: { tags, params: IdParams, body: ContractBody, response: { 201: ContractView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createContract(ctx, request.params.id, request.body))),
  );
  r.get('/contracts/:id', one(ContractView), (request) => withCtx(request, (ctx) => getContract(ctx, request.params.id)));
  r.patch('/contracts/:id', { schema: { tags, params: IdParams, body: UpdateContractBody, response: { 200: ContractView } } }, (request) =>
    withCtx(request, (ctx) => updateContract(ctx, request.params.id, request.body)),
  );
  r.post('/contracts/:id/archive', one(ContractView), (request) => withCtx(request, (ctx) => setContractArchived(ctx, request.params.id, true)));
  r.post('/contracts/:id/restore', one(ContractView), (request) => withCtx(request, (ctx) => setContractArchived(ctx, request.params.id, false)));
}
