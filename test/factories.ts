/**
 * Factories build each test's own people and records through the public API,
 * so tests exercise the same paths a user does. Names are unique per call.
 */
import crypto from 'node:crypto';
import type { Client, TestServer } from './harness.ts';

export const PASSWORD = 'test-password-1';

export function unique(prefix: string): string {
  return `${prefix}${crypto.randomBytes(4).toString('hex')}`;
}

export async function teamId(admin: Client, key: string): Promise<string> {
  const res = await admin.get('/api/v1/teams');
  const team = res.body.items.find((t: { key: string | null }) => t.key === key);
  if (!team) throw new Error(`no seeded team ${key}`);
  return team.id;
}

export interface StaffOptions {
  role?: 'admin' | 'manager' | 'agent' | 'technician' | 'quality';
  teams?: string[];
  displayName?: string;
}

/** Creates a staff user and returns a client logged in as them, with their id. */
export async function staff(server: TestServer, options: StaffOptions = {}): Promise<Client & { id: string }> {
  const admin = await server.admin();
  const username = unique('u');
  const res = await admin.post('/api/v1/users', {
    username,
    displayName: options.displayName ?? username,
    role: options.role ?? 'agent',
    password: PASSWORD,
    teamIds: options.teams ?? [],
  });
  if (res.status !== 201) throw new Error(`create staff failed: ${JSON.stringify(res.body)}`);
  const client = await server.client().login(username, PASSWORD);
  return Object.assign(client, { id: res.body.id as string });
}

/** Creates a customer portal user of the given organisation, logged in. */
export async function customerUser(server: TestServer, customerId: string): Promise<Client & { id: string }> {
  const admin = await server.admin();
  const username = unique('c');
  const res = await admin.post('/api/v1/users', {
    username,
    displayName: username,
    role: 'customer',
    password: PASSWORD,
    customerId,
  });
  if (res.status !== 201) throw new Error(`create customer user failed: ${JSON.stringify(res.body)}`);
  const client = await server.client().login(username, PASSWORD);
  return Object.assign(client, { id: res.body.id as string });
}

/** Creates a customer organisation through the API (as the given staff client) and returns its view. */
export async function createCustomer(client: Client, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await client.post('/api/v1/customers', {
    name: unique('客户'),
    province: '浙江省',
    city: '杭州市',
    phones: ['0571-8888 0000'],
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`create customer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Adds a contact to a customer through the API and returns its view. */
export async function createContact(client: Client, customerId: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await client.post(`/api/v1/customers/${customerId}/contacts`, { name: unique('联系人'), ...overrides });
  if (res.status !== 201) throw new Error(`create contact failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Adds an asset (device by default) to a customer through the API and returns its view. */
export async function createAsset(client: Client, customerId: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await client.post(`/api/v1/customers/${customerId}/assets`, { kind: 'device', name: unique('设备'), ...overrides });
  if (res.status !== 201) throw new Error(`create asset failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Opens a work order as the given staff client (consultation by phone unless overridden) and returns the created view. */
export async function createWorkOrder(client: Client, customerId: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await client.post('/api/v1/work-orders', {
    typeKey: 'consultation',
    channel: 'phone',
    subject: unique('咨询'),
    customerId,
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`create work order failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
