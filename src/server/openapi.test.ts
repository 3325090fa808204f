/**
 * The OpenAPI document is generated from the routes' Zod schemas; this guards
 * that it stays complete: every API operation documents a success reply with a
 * schema and carries a tag (the docs page groups by tag).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

type Operation = { responses?: Record<string, unknown>; tags?: string[] };

describe('OpenAPI document', () => {
  it('documents a typed success reply and a tag for every /api/v1 operation', async () => {
    const doc = (await server.client().get('/api/docs/json')).body;
    const problems: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, op] of Object.entries(methods)) {
        operations++;
        const success = Object.entries(op.responses ?? {}).find(([code]) => code.startsWith('2'));
        // File downloads answer with bytes, described without a JSON schema.
        const isDownload = path === '/api/v1/attachments/{id}';
        if (!success && !isDownload) problems.push(`${method.toUpperCase()} ${path}: no 2xx response schema`);
        if (!op.tags?.length) problems.push(`${method.toUpperCase()} ${path}: no tag`);
      }
    }
    expect(problems).toEqual([]);
    expect(operations).toBeGreaterThan(40);
  });
});
