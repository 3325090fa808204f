/** HTTP routes of the duty roster (值班) and routing: staff read, team leads, managers and admins edit. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { listDutyTeams, mySchedule, onDutyAt, onDutyInMyTeams } from './commands/onDuty.ts';
import { clearOverride, getRoster, setOverride, setPattern } from './commands/roster.ts';
import { getRouting, setRouting } from './commands/routingSettings.ts';
import { createShift, updateShift } from './commands/shifts.ts';
import {
  AtQuery,
  CreateShiftBody,
  DutyTeamsView,
  MyDutyView,
  OnDutyView,
  OverrideBody,
  PatternBody,
  RangeQuery,
  RosterView,
  RoutingBody,
  RoutingView,
  ShiftView,
  UpdateShiftBody,
} from './schema.ts';

const TeamParams = z.object({ teamId: z.uuid() });
const ShiftParams = z.object({ id: z.uuid() });
const PatternParams = ShiftParams.extend({ weekday: z.coerce.number().int().min(0).max(6) });
const DateParams = ShiftParams.extend({ date: z.iso.date() });
const Ok = z.object({ ok: z.literal(true) });
const tags = ['duty'];

export async function dutyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/duty/teams', { schema: { tags, response: { 200: DutyTeamsView } } }, (request) => withCtx(request, listDutyTeams));
  r.get('/duty/on-duty', { schema: { tags, response: { 200: z.object({ items: z.array(OnDutyView) }) } } }, (request) =>
    withCtx(request, onDutyInMyTeams),
  );
  r.get('/duty/me', { schema: { tags, querystring: RangeQuery, response: { 200: MyDutyView } } }, (request) =>
    withCtx(request, (ctx) => mySchedule(ctx, request.query.from, request.query.days)),
  );
  r.get('/duty/teams/:teamId/roster', { schema: { tags, params: TeamParams, querystring: RangeQuery, response: { 200: RosterView } } }, (request) =>
    withCtx(request, (ctx) => getRoster(ctx, request.params.teamId, request.query.from, request.query.days)),
  );
  r.get('/duty/teams/:teamId/on-duty', { schema: { tags, params: TeamParams, querystring: AtQuery, response: { 200: OnDutyView } } }, (request) =>
    withCtx(request, (ctx) => onDutyAt(ctx, request.params.teamId, request.query.at ? Date.parse(request.query.at) : Date.now())),
  );
  r.get('/duty/teams/:teamId/routing', { schema: { tags, params: TeamParams, response: { 200: RoutingView } } }, (request) =>
    withCtx(request, (ctx) => getRouting(ctx, request.params.teamId)),
  );
  r.put('/duty/teams/:teamId/routing', { schema: { tags, params: TeamParams, body: RoutingBody, response: { 200: RoutingView } } }, (request) =>
    withCtx(request, (ctx) => setRouting(ctx, request.params.teamId, request.body)),
  );
  r.post(
    '/duty/teams/:teamId/shifts',
    { schema: { tags, params: TeamParams, body: CreateShiftBody, response: { 201: ShiftView } } },
    async (request, reply) => reply.code(201).send(await withCtx(request, (ctx) => createShift(ctx, request.params.teamId, request.body))),
  );
  r.patch('/duty/shifts/:id', { schema: { tags, params: ShiftParams, body: UpdateShiftBody, response: { 200: ShiftView } } }, (request) =>
    withCtx(request, (ctx) => updateShift(ctx, request.params.id, request.body)),
  );
  r.put(
    '/duty/shifts/:id/pattern/:weekday',
    { schema: { tags, params: PatternParams, body: PatternBody, response: { 200: z.object({ shiftId: z.uuid(), weekday: z.number(), userIds: z.array(z.uuid()) }) } } },
    (request) => withCtx(request, (ctx) => setPattern(ctx, request.params.id, request.params.weekday, request.body.userIds)),
  );
  r.put(
    '/duty/shifts/:id/overrides/:date',
    {
      schema: {
        tags,
        params: DateParams,
        body: OverrideBody,
        response: { 200: z.object({ shiftId: z.uuid(), date: z.string(), userIds: z.array(z.uuid()), note: z.string() }) },
      },
    },
    (request) => withCtx(request, (ctx) => setOverride(ctx, request.params.id, request.params.date, request.body)),
  );
  r.delete('/duty/shifts/:id/overrides/:date', { schema: { tags, params: DateParams, response: { 200: Ok } } }, async (request) => {
    await withCtx(request, (ctx) => clearOverride(ctx, request.params.id, request.params.date));
    return { ok: true as const };
  });
}
