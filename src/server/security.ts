/**
 * Security headers on every reply, and the CSRF rule for writes: a browser
 * request from another site (by Origin or Sec-Fetch-Site) never gets to change anything.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const APP_CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  // antd injects its styles at run time
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function originAllowed(request: FastifyRequest, origin: string, publicOrigin: string | undefined): boolean {
  if (publicOrigin && origin === publicOrigin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Throws CSRF_REJECTED for a cross-site write; API clients without Origin pass. */
export function checkSameOrigin(request: FastifyRequest, publicOrigin: string | undefined): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') throw new AppError('CSRF_REJECTED', 403);
  const origin = request.headers.origin;
  if (origin !== undefined && !originAllowed(request, origin, publicOrigin)) {
    throw new AppError('CSRF_REJECTED', 403);
  }
}

/**
 * WebSocket handshakes are GETs, but a socket then carries the user's data both
 * ways and browsers let any site open one with the user's cookies: a browser
 * handshake must come from our own origin.
 */
export function checkWebSocketOrigin(request: FastifyRequest, publicOrigin: string | undefined): void {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') throw new AppError('CSRF_REJECTED', 403);
  const origin = request.headers.origin;
  if (origin !== undefined && !originAllowed(request, origin, publicOrigin)) throw new AppError('CSRF_REJECTED', 403);
}

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    // Swagger UI brings its own inline scripts; everything else gets the strict policy.
    if (!request.url.startsWith('/api/docs')) {
      reply.header('x-frame-options', 'DENY');
      reply.header('content-security-policy', APP_CSP);
    }
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
