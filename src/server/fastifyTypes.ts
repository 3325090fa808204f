import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Actor } from '../lib/context.ts';
import type { Lang } from '../lib/i18n.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    /** The durable job queue; commands reach it bound to their transaction as ctx.jobs. */
    jobs: JobQueue;
  }
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
  }
  interface FastifyContextConfig {
    /** Route answers without a logged-in user (login, health, docs). */
    public?: boolean;
  }
}
