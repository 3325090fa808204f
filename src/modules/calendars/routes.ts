/** HTTP routes of the business calendar admin API. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { createCalendar, getCalendar, listCalendars, updateCalendar } from './commands/calendars.ts';
import { computeDue } from './commands/compute.ts';
import { applyImport, previewImport, shippedYears } from './commands/importDates.ts';
import {
  CalendarSummary,
  CalendarView,
  ComputeBody,
  ComputeView,
  CreateCalendarBody,
  ImportBody,
  ImportPreview,
  ListCalendarsQuery,
  ShippedYear,
  UpdateCalendarBody,
} from './schema.ts';

const tags = ['calendars'];
const IdParams = z.object({ id: z.uuid() });

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/calendars',
    { schema: { tags, querystring: ListCalendarsQuery, response: { 200: z.object({ items: z.array(CalendarSummary) }) } } },
    async (request) => ({ items: await withCtx(request, (ctx) => listCalendars(ctx, request.query.includeArchived === 'true')) }),
  );
  r.get(
    '/calendars/shipped-holidays',
    { schema: { tags, response: { 200: z.object({ items: z.array(ShippedYear) }) } } },
    async (request) => ({ items: await withCtx(request, async (ctx) => shippedYears(ctx)) }),
  );
  r.post('/calendars', { schema: { tags, body: CreateCalendarBody, response: { 201: CalendarView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createCalendar(ctx, request.body))),
  );
  r.get('/calendars/:id', { schema: { tags, params: IdParams, response: { 200: CalendarView } } }, (request) =>
    withCtx(request, (ctx) => getCalendar(ctx, request.params.id)),
  );
  r.patch(
    '/calendars/:id',
    { schema: { tags, params: IdParams, body: UpdateCalendarBody, response: { 200: CalendarView } } },
    (request) => withCtx(request, (ctx) => updateCalendar(ctx, request.params.id, request.body)),
  );
  r.post(
    '/calendars/:id/import/preview',
    { schema: { tags, params: IdParams, body: ImportBody, response: { 200: ImportPreview } } },
    (request) => withCtx(request, (ctx) => previewImport(ctx, request.params.id, request.body)),
  );
  r.post(
    '/calendars/:id/import',
    { schema: { tags, params: IdParams, body: ImportBody, response: { 200: CalendarView } } },
    (request) => withCtx(request, (ctx) => applyImport(ctx, request.params.id, request.body)),
  );
  r.post(
    '/calendars/:id/compute',
    { schema: { tags, params: IdParams, body: ComputeBody, response: { 200: ComputeView } } },
    (request) => withCtx(request, (ctx) => computeDue(ctx, request.params.id, request.body)),
  );
}
