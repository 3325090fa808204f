import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, PASSWORD, staff, teamId, unique } from '../../../test/factories.ts';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe('health and docs', () => {
  it('reports the database kind and schema version without login', async () => {
    const res = await server.client().get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(['pglite', 'postgres']).toContain(res.body.database);
    expect(res.body.schemaVersion).toMatch(/^\d{4}_/);
  });

  it('serves the OpenAPI document with the login route', async () => {
    const res = await server.client().get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.paths['/api/v1/auth/login']).toBeDefined();
  });
});

describe('login and sessions', () => {
  it('logs in with an HTTP-only cookie and logs out', async () => {
    const c = server.client();
    const res = await c.post('/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('admin');
    const cookie = res.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await c.get('/api/v1/auth/me')).body.username).toBe('admin');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(200);
    const after = await c.get('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers wrong passwords in the request language', async () => {
    const zh = await server.client('zh-CN').post('/api/v1/auth/login', { username: 'nobody', password: 'x' });
    expect(zh.status).toBe(401);
    expect(zh.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const en = await server.client('en').post('/api/v1/auth/login', { username: 'nobody', password: 'x' });
    expect(en.body.error.message).toBe('Wrong username or password');
  });

  it('locks an account after five failures, even for the right password', async () => {
    const user = await staff(server);
    const me = (await user.get('/api/v1/auth/me')).body;
    for (let i = 0; i < 5; i++) {
      const res = await server.client().post('/api/v1/auth/login', { username: me.username, password: 'wrong-password' });
      expect(res.status).toBe(401);
    }
    const locked = await server.client().post('/api/v1/auth/login', { username: me.username, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rejects a cross-site write made with the session cookie', async () => {
    const admin = await server.admin();
    const res = await admin.post('/api/v1/teams', { name: unique('T') }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_REJECTED');
    const sameSite = await admin.post('/api/v1/teams', { name: unique('T') }, { origin: server.url });
    expect(sameSite.status).toBe(201);
  });

  it('sends security headers', async () => {
    const res = await server.client().get('/api/v1/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('users and teams', () => {
  it('seeds the four departments', async () => {
    const admin = await server.admin();
    const names = (await admin.get('/api/v1/teams')).body.items.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['客服中心', '维修中心', '质检中心', '软件部']));
  });

  it('lets an admin create staff in teams, and refuses others', async () => {
    const admin = await server.admin();
    const service = await teamId(admin, 'service');
    const agent = await staff(server, { teams: [service] });
    const me = (await agent.get('/api/v1/auth/me')).body;
    expect(me.teams.map((t: { id: string }) => t.id)).toEqual([service]);
    expect(me.abilities.admin).toBe(false);

    const refused = await agent.post('/api/v1/users', { username: unique('x'), displayName: 'x', role: 'admin', password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const count = (await admin.get('/api/v1/users?pageSize=100')).body.total;
    expect(count).toBeGreaterThan(1);
  });

  it('rejects unknown fields, bad types and duplicate usernames without writing', async () => {
    const admin = await server.admin();
    const username = unique('dup');
    const extra = await admin.post('/api/v1/users', { username, displayName: 'a', role: 'agent', password: PASSWORD, isRoot: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.code).toBe('VALIDATION_FAILED');
    const wrongType = await admin.post('/api/v1/users', { username, displayName: 5, role: 'agent', password: PASSWORD });
    expect(wrongType.status).toBe(400);
    expect((await admin.get(`/api/v1/users?q=${username}`)).body.total).toBe(0);
    expect((await admin.post('/api/v1/users', { username, displayName: 'a', role: 'agent', password: PASSWORD })).status).toBe(201);
    const dup = await admin.post('/api/v1/users', { username: username.toUpperCase(), displayName: 'b', role: 'agent', password: PASSWORD });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('USERNAME_TAKEN');
  });

  it('ends the sessions of a disabled user', async () => {
    const admin = await server.admin();
    const agent = await staff(server);
    expect((await admin.patch(`/api/v1/users/${agent.id}`, { disabled: true })).status).toBe(200);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('applies team membership and password changes to live sessions at once (sessions are cached for a few seconds)', async () => {
    const admin = await server.admin();
    const agent = await staff(server);
    const team = await admin.post('/api/v1/teams', { name: unique('组') });
    const order = await createWorkOrder(admin, (await createCustomer(admin)).id, { teamId: team.body.id });
    expect((await agent.get(`/api/v1/work-orders/${order.id}`)).status).toBe(404);
    const members = await admin.put(`/api/v1/teams/${team.body.id}/members`, { members: [{ userId: agent.id }] });
    expect(members.status).toBe(200);
    expect((await agent.get(`/api/v1/work-orders/${order.id}`)).status).toBe(200);
    expect((await admin.patch(`/api/v1/users/${agent.id}`, { teamIds: [] })).status).toBe(200);
    expect((await agent.get(`/api/v1/work-orders/${order.id}`)).status).toBe(404);
    expect((await admin.post(`/api/v1/users/${agent.id}/password`, { newPassword: 'new-password-9' })).status).toBe(200);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('lets users change their own password only with the current one', async () => {
    const agent = await staff(server);
    const wrong = await agent.post(`/api/v1/users/${agent.id}/password`, { currentPassword: 'nope', newPassword: 'new-password-9' });
    expect(wrong.body.error.code).toBe('CURRENT_PASSWORD_WRONG');
    const ok = await agent.post(`/api/v1/users/${agent.id}/password`, { currentPassword: PASSWORD, newPassword: 'new-password-9' });
    expect(ok.status).toBe(200);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('refuses oversized JSON bodies with 413', async () => {
    const admin = await server.admin();
    const res = await admin.post('/api/v1/teams', { name: 'x', description: 'y'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('API tokens', () => {
  it('authenticate integrations until revoked', async () => {
    const admin = await server.admin();
    const created = await admin.post('/api/v1/api-tokens', { name: 'CRM 集成' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    const res = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect((await admin.delete(`/api/v1/api-tokens/${created.body.id}`)).status).toBe(200);
    const after = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });
});

describe('audit log', () => {
  it('records who changed a user with before and after, for admins only', async () => {
    const admin = await server.admin();
    const agent = await staff(server, { displayName: '张三' });
    await admin.patch(`/api/v1/users/${agent.id}`, { displayName: '张三丰' });
    const log = await admin.get(`/api/v1/audit?subjectType=user&subjectId=${agent.id}`);
    expect(log.status).toBe(200);
    const update = log.body.items.find((e: { type: string }) => e.type === 'user.updated');
    expect(update.data.before.display_name).toBe('张三');
    expect(update.data.after.display_name).toBe('张三丰');
    expect(update.actor.displayName).toBe('系统管理员');
    expect((await agent.get('/api/v1/audit')).status).toBe(403);
  });
});
