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
