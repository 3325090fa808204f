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
