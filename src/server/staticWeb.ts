/**
 * Serves the built web UI (web/dist) from the API server: hashed assets with a
 * year-long cache, index.html never cached (so a deploy is picked up at once),
 * and index.html for every other non-API GET so client routes such as
 * /admin/users or /portal/… survive a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { registerMessages } from '../lib/i18n.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

registerMessages({
  WEB_NOT_BUILT: {
    'zh-CN': '网页界面尚未构建：请运行 npm run build:web 或 npm start',
    en: 'The web UI is not built: run npm run build:web or npm start',
  },
});

const PAGE = { config: { public: true }, schema: { hide: true } } as const;

export async function staticWeb(app: FastifyInstance, opts: { distDir?: string }): Promise<void> {
  const root = opts.distDir ?? WEB_DIST;
  const built = fs.existsSync(path.join(root, 'index.html'));

  if (built) await app.register(fastifyStatic, { root, serve: false });

  app.get('/assets/*', PAGE, (request, reply) => {
    if (!built) throw new AppError('WEB_NOT_BUILT', 503);
    const file = (request.params as { '*': string })['*'];
    return reply.sendFile(`assets/${file}`, { immutable: true, maxAge: '365d' });
  });

  app.get('/*', PAGE, (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    // Unknown API paths stay JSON errors, never the HTML page.
    if (pathname === '/api' || pathname.startsWith('/api/')) throw new AppError('ROUTE_NOT_FOUND', 404);
    if (!built) throw new AppError('WEB_NOT_BUILT', 503);
    // A file name (favicon.ico, robots.txt) is a file or a 404, not the app page.
    if (path.posix.basename(pathname).includes('.') && pathname !== '/index.html') {
      return reply.sendFile(pathname.slice(1), { maxAge: '1h' });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  });
}
