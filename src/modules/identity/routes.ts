/** HTTP routes of the identity module: login/logout/me, users, teams, API tokens. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../lib/context.ts';
import { PageQuery, paged, pageOf } from '../../lib/pagination.ts';
import { withCtx } from '../../server/requestContext.ts';
import { actorFromSession, forgetSessionActors } from './authenticate.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './commands/apiTokens.ts';
import { login, logout } from './commands/login.ts';
import { changePassword } from './commands/password.ts';
import { createTeam, listTeams, setTeamMembers, updateTeam } from './commands/teams.ts';
import { createUser, getUser, listUsers, updateUser } from './commands/users.ts';
import './messages.ts';
import {
  ApiTokenView,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiTokenView,
  CreateTeamBody,
  CreateUserBody,
  LoginBody,
  MeView,
  SetMembersBody,
  TeamView,
  UpdateTeamBody,
  UpdateUserBody,
  UserListQuery,
  UserView,
} from './schema.ts';
import { canManageStock, canViewStock } from '../stock/policy.ts';
import { sha256 } from './secrets.ts';
import { SESSION_COOKIE } from './sessionCookie.ts';

const IdParams = z.object({ id: z.uuid() });
const Ok = z.object({ ok: z.literal(true) });

function abilities(actor: Actor) {
  return {
    admin: actor.role === 'admin',
    manageCustomers: ['admin', 'manager', 'agent'].includes(actor.role),
    seeAllWorkOrders: actor.role === 'admin' || actor.role === 'manager',
    viewStock: canViewStock(actor),
    manageStock: canManageStock(actor),
  };
}

/** Changes to accounts and memberships: cached session actors are forgotten once the change is committed. */
async function afterCommit<T>(change: Promise<T>): Promise<T> {
  const result = await change;
  forgetSessionActors();
  return result;
}

export async function identityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], body: LoginBody, response: { 200: MeView } } },
    async (request, reply) => {
      const { token, userId } = await login(app.database.db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
        sessionHours: app.config.sessionHours,
      });
      const secure = app.config.cookieSecure === 'auto' ? request.protocol === 'https' : app.config.cookieSecure === 'true';
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: app.config.sessionHours * 3600,
      });
      request.actor = await actorFromSession(app.database.db, token);
      const user = await withCtx(request, (ctx) => getUser(ctx, userId));
      return { ...user, abilities: abilities(request.actor!) };
    },
  );

  r.post('/auth/logout', { schema: { tags: ['auth'], response: { 200: Ok } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(app.database.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/auth/me', { schema: { tags: ['auth'], response: { 200: MeView } } }, async (request) => {
    const user = await withCtx(request, (ctx) => getUser(ctx, ctx.actor.id));
    return { ...user, abilities: abilities(request.actor!) };
  });

  r.get(
    '/users',
    { schema: { tags: ['users'], querystring: UserListQuery.extend(PageQuery.shape), response: { 200: pageOf(UserView) } } },
    async (request) => paged(request.query, await withCtx(request, (ctx) => listUsers(ctx, request.query))),
  );
  r.post('/users', { schema: { tags: ['users'], body: CreateUserBody, response: { 201: UserView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createUser(ctx, request.body))),
  );
  r.get('/users/:id', { schema: { tags: ['users'], params: IdParams, response: { 200: UserView } } }, (request) =>
    withCtx(request, (ctx) => getUser(ctx, request.params.id)),
  );
  r.patch(
    '/users/:id',
    { schema: { tags: ['users'], params: IdParams, body: UpdateUserBody, response: { 200: UserView } } },
    (request) => afterCommit(withCtx(request, (ctx) => updateUser(ctx, request.params.id, request.body))),
  );
  r.post(
    '/users/:id/password',
    { schema: { tags: ['users'], params: IdParams, body: ChangePasswordBody, response: { 200: Ok } } },
    async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      await afterCommit(withCtx(request, (ctx) => changePassword(ctx, request.params.id, request.body, token ? sha256(token) : null)));
      return { ok: true as const };
    },
  );

  r.get(
    '/teams',
    {
      schema: {
        tags: ['teams'],
        querystring: z.object({ includeArchived: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(TeamView) }) },
      },
    },
    async (request) => ({ items: await withCtx(request, (ctx) => listTeams(ctx, request.query.includeArchived === 'true')) }),
  );
  r.post('/teams', { schema: { tags: ['teams'], body: CreateTeamBody, response: { 201: TeamView } } }, async (request, reply) =>
    reply.code(201).send(await withCtx(request, (ctx) => createTeam(ctx, request.body))),
  );
  r.patch(
    '/teams/:id',
    { schema: { tags: ['teams'], params: IdParams, body: UpdateTeamBody, response: { 200: TeamView } } },
    (request) => withCtx(request, (ctx) => updateTeam(ctx, request.params.id, request.body)),
  );
  r.put(
    '/teams/:id/members',
    { schema: { tags: ['teams'], params: IdParams, body: SetMembersBody, response: { 200: TeamView } } },
    (request) => afterCommit(withCtx(request, (ctx) => setTeamMembers(ctx, request.params.id, request.body))),
  );

  r.get('/api-tokens', { schema: { tags: ['api tokens'], response: { 200: z.object({ items: z.array(ApiTokenView) }) } } }, async (request) => ({
    items: await withCtx(request, listApiTokens),
  }));
  r.post(
    '/api-tokens',
    { schema: { tags: ['api tokens'], body: CreateApiTokenBody, response: { 201: CreatedApiTokenView } } },
    async (request, reply) => reply.code(201).send(await withCtx(request, (ctx) => createApiToken(ctx, request.body))),
  );
  r.delete('/api-tokens/:id', { schema: { tags: ['api tokens'], params: IdParams, response: { 200: Ok } } }, async (request) => {
    await withCtx(request, (ctx) => revokeApiToken(ctx, request.params.id));
    return { ok: true as const };
  });
}
