/**
 * Assembles the Fastify server: Zod validation and OpenAPI, cookies, uploads,
 * security headers, authentication, errors, and each module's routes under /api/v1.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { listenForConfigChanges } from '../lib/configCache.ts';
import { setEventSubscribers } from '../modules/events/dispatch.ts';
import { ALL_EVENT_SUBSCRIBERS } from './eventSubscribers.ts';
import type { Database } from '../db/database.ts';
import { installAuthentication } from './auth.ts';
import { installErrorHandler } from './errorHandler.ts';
import './fastifyTypes.ts';
import { apiRoutes } from './routes.ts';
import { installSecurityHeaders } from './security.ts';
import { staticWeb } from './staticWeb.ts';

/** JSON bodies are small: forms and API calls. Files go through multipart with their own limit. */
const JSON_BODY_LIMIT = 1024 * 1024;

export async function buildApp(config: Config, database: Database, jobs: JobQueue): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: process.env.KEFU_TRUST_PROXY === 'true',
    ajv: undefined,
  });
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('jobs', jobs);
  setEventSubscribers(ALL_EVENT_SUBSCRIBERS);
  // Other instances' configuration changes drop this instance's configuration cache.
  const unlistenConfig = await listenForConfigChanges(database);
  app.addHook('onClose', async () => {
    await unlistenConfig();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  // Before authentication: its hooks must see a refused handshake too, to close that socket.
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.maxUploadBytes, files: 10, fields: 20, fieldSize: 100_000, parts: 40 },
    throwFileSizeLimit: true,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Kefu API', description: 'Kefu 客服 customer service management', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kefu_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The docs plugin registers its own routes; mark them public as they are added.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  installSecurityHeaders(app);
  installErrorHandler(app);
  installAuthentication(app);
  await app.register(apiRoutes, { prefix: '/api/v1' });
  await app.register(staticWeb, {});
  return app;
}
