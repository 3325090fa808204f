/**
 * Test helpers for SLA tests: a fresh work order type per policy (so each test's
 * policy matches only its own orders), a policy moved to the top of the match
 * order, and polling for timers. Used by *.test.ts only.
 */
import { unique } from './factories.ts';
import type { Client } from './harness.ts';

const WORKFLOW = {
  initial: 'new',
  statuses: [
    { key: 'new', name: '新建', category: 'new' },
    { key: 'in_progress', name: '处理中', category: 'open' },
    { key: 'waiting_customer', name: '待客户反馈', category: 'pending' },
    { key: 'resolved', name: '已解决', category: 'resolved' },
    { key: 'closed', name: '已关闭', category: 'closed' },
  ],
  transitions: [
    { from: 'new', to: 'in_progress' },
    { from: 'new', to: 'waiting_customer' },
    { from: 'new', to: 'resolved' },
    { from: 'in_progress', to: 'waiting_customer' },
    { from: 'in_progress', to: 'resolved' },
    { from: 'waiting_customer', to: 'in_progress' },
    { from: 'waiting_customer', to: 'resolved' },
    { from: 'resolved', to: 'in_progress' },
    { from: 'resolved', to: 'closed' },
  ],
};

export async function newType(admin: Client, defaultTeamId: string | null = null): Promise<string> {
  const key = unique('sla_').toLowerCase();
  const res = await admin.post('/api/v1/work-order-types', { key, name: key, workflow: WORKFLOW, defaultTeamId });
  if (res.status !== 201) throw new Error(`create type failed: ${JSON.stringify(res.body)}`);
  return key;
}

export type TargetInput = { clock: string; seconds: number; mode?: 'business' | 'calendar' };

/** Creates a policy and moves it first in the match order; returns its view. */
export async function topPolicy(admin: Client, body: Record<string, unknown> & { targets: TargetInput[] }): Promise<any> {
  const res = await admin.post('/api/v1/sla/policies', {
    name: unique('策略'),
    ...body,
    targets: body.targets.map((t) => ({ mode: 'calendar', ...t })),
  });
  if (res.status !== 201) throw new Error(`create policy failed: ${res.status} ${JSON.stringify(res.body)}`);
  const ids = (await admin.get('/api/v1/sla/policies')).body.items.map((p: { id: string }) => p.id).filter((id: string) => id !== res.body.id);
  const order = await admin.post('/api/v1/sla/policies/order', { ids: [res.body.id, ...ids] });
  if (order.status !== 200) throw new Error(`reorder failed: ${JSON.stringify(order.body)}`);
  return res.body;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until check returns a truthy value (or the time is up, returning the last value). */
export async function waitFor<T>(check: () => Promise<T>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  let value = await check();
  while (!value && Date.now() < until) {
    await sleep(200);
    value = await check();
  }
  return value;
}

export async function clocksOf(client: Client, workOrderId: string): Promise<Record<string, any>> {
  const res = await client.get(`/api/v1/work-orders/${workOrderId}/sla`);
  if (res.status !== 200) throw new Error(`sla view failed: ${res.status} ${JSON.stringify(res.body)}`);
  return Object.fromEntries(res.body.clocks.map((c: { clock: string }) => [c.clock, c]));
}

export async function slaEvents(client: Client, workOrderId: string): Promise<Array<{ clock: string; kind: string; at: string; data: any }>> {
  return (await client.get(`/api/v1/work-orders/${workOrderId}/sla/events`)).body.items;
}

export async function timelineTypes(client: Client, id: string): Promise<string[]> {
  return ((await client.get(`/api/v1/work-orders/${id}/timeline`)).body.items as Array<{ type: string }>).map((e) => e.type);
}

/** A team of its own with a handler and a lead, and a type routed to it (escalation tests). */
export async function escalationTeam(server: import('./harness.ts').TestServer, admin: Client) {
  const { staff } = await import('./factories.ts');
  const team = await admin.post('/api/v1/teams', { name: unique('升级组') });
  const agent = await staff(server, { displayName: unique('处理人') });
  const lead = await staff(server, { displayName: unique('组长') });
  const set = await admin.put(`/api/v1/teams/${team.body.id}/members`, {
    members: [
      { userId: agent.id, isLead: false },
      { userId: lead.id, isLead: true },
    ],
  });
  if (set.status !== 200) throw new Error(`members failed: ${JSON.stringify(set.body)}`);
  const typeKey = await newType(admin, team.body.id);
  return { teamId: team.body.id as string, agent, lead, typeKey };
}

/** One Kefu instance (web + job worker) on a given database, as `npm start` runs it; for restart and two-instance tests. */
export async function startInstance(database: import('../src/db/database.ts').Database) {
  const { loadConfig } = await import('../src/config.ts');
  const { startJobQueue } = await import('../src/jobs/queue.ts');
  const { ALL_JOBS } = await import('../src/jobs/registry.ts');
  const { buildApp } = await import('../src/server/app.ts');
  const { ensureAdmin } = await import('../src/server/firstStart.ts');
  const { ADMIN_PASSWORD, Client } = await import('./harness.ts');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const attachmentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-sla-'));
  await ensureAdmin(database, ADMIN_PASSWORD);
  const jobs = await startJobQueue(database, ALL_JOBS, { work: true, pollingIntervalSeconds: 0.5, onError: () => {} });
  const app = await buildApp(loadConfig({ KEFU_LOG_LEVEL: 'silent', KEFU_ADMIN_PASSWORD: ADMIN_PASSWORD, KEFU_ATTACHMENTS_DIR: attachmentsDir }), database, jobs);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    admin: () => new Client(url).login('admin', ADMIN_PASSWORD),
    client: (lang: 'zh-CN' | 'en' = 'zh-CN') => new Client(url, lang),
    async stop() {
      await app.close();
      await jobs.stop();
      fs.rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}
