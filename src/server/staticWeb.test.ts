import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/harness.ts';
import { installErrorHandler } from './errorHandler.ts';
import { installSecurityHeaders } from './security.ts';
import { staticWeb } from './staticWeb.ts';

/** A stand-in for web/dist, so these tests do not need a Vite build. */
function fakeDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app-abc.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets/app-abc.js'), 'console.log(1)');
  return dir;
}

async function webOnly(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  installSecurityHeaders(app);
  installErrorHandler(app);
  await app.register(staticWeb, { distDir });
  return app;
}

describe('serving the built web UI', () => {
  const dist = fakeDist();
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await webOnly(dist);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('answers client routes (staff and portal) with index.html, never cached, under the strict CSP', async () => {
    for (const url of ['/', '/admin/users', '/portal', '/portal/orders/1?tab=x']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long immutable cache, and a 404 for missing files', async () => {
    const asset = await app.inject({ url: '/assets/app-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/assets/missing-123.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/favicon.ico' })).statusCode).toBe(404);
  });

  it('keeps unknown API paths as JSON errors and refuses paths out of the folder', async () => {
    const res = await app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    const outside = await app.inject({ url: '/assets/..%2f..%2fetc%2fpasswd' });
    expect(outside.statusCode).toBeGreaterThanOrEqual(400);
    expect(outside.body).not.toContain('root:');
  });

  it('says how to build the UI when web/dist is missing', async () => {
    const bare = await webOnly(path.join(dist, 'not-there'));
    const res = await bare.inject({ url: '/admin/users', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('WEB_NOT_BUILT');
    await bare.close();
  });
});

describe('web routes in the real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('serves pages without a session while the API still asks for one', async () => {
    const client = server.client();
    expect([200, 503]).toContain((await client.get('/admin/users')).status);
    expect((await client.get('/api/v1/users')).status).toBe(401);
    const missing = await client.get('/api/v1/no-such-endpoint');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
