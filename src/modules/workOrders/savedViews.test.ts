import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff } from '../../../test/factories.ts';
import { startServer, type TestServer } from '../../../test/harness.ts';
import { MAX_SAVED_VIEWS } from './savedViewSchema.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

const rowsOf = (userId: string) => server.database.db.selectFrom('saved_views').selectAll().where('user_id', '=', userId).execute();

describe('saved views', () => {
  it('creates, lists, renames, refilters and deletes a view, recording each change', async () => {
    const agent = await staff(server);
    const created = await agent.post('/api/v1/saved-views', {
      name: '我的待办',
      filters: { view: 'mine', statusCategory: 'new,open', sort: 'updatedAt', order: 'desc' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '我的待办', filters: { view: 'mine', statusCategory: 'new,open' } });
    const id = created.body.id;

    const second = await agent.post('/api/v1/saved-views', { name: '未分派', filters: { view: 'unassigned', priority: 'urgent' } });
    expect((await agent.get('/api/v1/saved-views')).body.items.map((v: { name: string }) => v.name)).toEqual(['我的待办', '未分派']);

    const renamed = await agent.patch(`/api/v1/saved-views/${id}`, { name: '我的工单', filters: { view: 'mine', q: '打印机' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: '我的工单', filters: { view: 'mine', q: '打印机' } });
    expect(renamed.body.filters.statusCategory).toBeUndefined();

    const taken = await agent.patch(`/api/v1/saved-views/${id}`, { name: '未分派' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('SAVED_VIEW_NAME_TAKEN');

    expect((await agent.delete(`/api/v1/saved-views/${second.body.id}`)).status).toBe(200);
    expect((await agent.get('/api/v1/saved-views')).body.items.map((v: { id: string }) => v.id)).toEqual([id]);
    const events = await server.database.db
      .selectFrom('events')
      .select('type')
      .where('subject_id', '=', agent.id)
      .where('type', 'like', 'savedView.%')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['savedView.created', 'savedView.created', 'savedView.updated', 'savedView.deleted']);
  });

  it('refuses unknown filter keys, bad values and bad names, writing nothing', async () => {
    const agent = await staff(server);
    const bad = [
      { name: 'x', filters: { view: 'mine', evil: 1 } },
      { name: 'x', filters: { statusCategory: 'open,nonsense' } },
      { name: 'x', filters: { teamId: 'not-a-uuid' } },
      { name: '', filters: {} },
      { name: 'x'.repeat(51), filters: {} },
      { name: 'x', filters: {}, extra: true },
    ];
    for (const body of bad) {
      const res = await agent.post('/api/v1/saved-views', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await rowsOf(agent.id)).toHaveLength(0);
  });

  it('shows and changes a view only for its owner (404 for anyone else, admins included)', async () => {
    const owner = await staff(server);
    const other = await staff(server);
    const admin = await server.admin();
    const view = (await owner.post('/api/v1/saved-views', { name: '团队队列', filters: { view: 'team' } })).body;
    for (const c of [other, admin]) {
      expect((await c.get('/api/v1/saved-views')).body.items.map((v: { id: string }) => v.id)).not.toContain(view.id);
      const patched = await c.patch(`/api/v1/saved-views/${view.id}`, { name: '偷改' });
      expect(patched.status).toBe(404);
      expect(patched.body.error.code).toBe('SAVED_VIEW_NOT_FOUND');
      expect((await c.delete(`/api/v1/saved-views/${view.id}`)).status).toBe(404);
    }
    const rows = await rowsOf(owner.id);
    expect(rows.map((r) => r.name)).toEqual(['团队队列']);
    // The same name is fine for another user.
    expect((await other.post('/api/v1/saved-views', { name: '团队队列', filters: { view: 'team' } })).status).toBe(201);
  });

  it(`keeps at most ${MAX_SAVED_VIEWS} views per user`, async () => {
    const agent = await staff(server);
    await server.database.db
      .insertInto('saved_views')
      .values(Array.from({ length: MAX_SAVED_VIEWS }, (_, i) => ({ user_id: agent.id, name: `v${i}`, filters: '{}' })))
      .execute();
    const res = await agent.post('/api/v1/saved-views', { name: 'one too many', filters: {} });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SAVED_VIEW_LIMIT');
    expect(await rowsOf(agent.id)).toHaveLength(MAX_SAVED_VIEWS);
  });

  it('stores filters in the work order list query format, so a view opens as that query', async () => {
    const agent = await staff(server);
    const me = agent.id;
    const filters = {
      view: 'all',
      status: 'in_progress',
      statusCategory: 'new,open',
      typeKey: 'repair',
      priority: 'urgent',
      channel: 'phone',
      teamId: '00000000-0000-4000-8000-000000000001',
      assigneeId: me,
      customerId: '00000000-0000-4000-8000-000000000002',
      tag: '加急',
      createdFrom: '2026-01-01T00:00:00+08:00',
      createdTo: '2026-12-31T23:59:59+08:00',
      q: '打印机',
      sort: 'updatedAt',
      order: 'asc',
    };
    const view = (await agent.post('/api/v1/saved-views', { name: '全部条件', filters })).body;
    expect(view.filters).toEqual(filters);
    const list = await agent.get(`/api/v1/work-orders?${new URLSearchParams(view.filters).toString()}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  });
});
