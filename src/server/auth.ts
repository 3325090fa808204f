/**
 * Resolves who is calling (session cookie or API token) before every route,
 * refuses anonymous calls to non-public routes, and applies the CSRF rule.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { langFromHeader } from '../lib/i18n.ts';
import { actorFromApiToken, actorFromSession } from '../modules/identity/authenticate.ts';
import { SESSION_COOKIE } from '../modules/identity/sessionCookie.ts';
import { checkSameOrigin } from './security.ts';

export function installAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'zh-CN');

  app.addHook('onRequest', async (request) => {
    request.lang = langFromHeader(request.headers['accept-language']);
    checkSameOrigin(request, app.config.publicOrigin);

    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await actorFromApiToken(app.database.db, authorization.slice(7).trim());
      if (!request.actor) throw new AppError('UNAUTHENTICATED', 401);
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) request.actor = await actorFromSession(app.database.db, token);
    }
    if (!request.actor && !request.routeOptions.config?.public && request.routeOptions.url !== undefined) {
      throw new AppError('UNAUTHENTICATED', 401);
    }
  });
}
