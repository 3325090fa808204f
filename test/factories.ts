/**
 * Factories build each test's own people and records through the public API,
 * so tests exercise the same paths a user does. Names are unique per call.
 */
import crypto from 'node:crypto';
import { serviceDay, serviceDaySpan } from '../src/lib/serviceDay.ts';
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

/** Adds a paid-service price list item (as an admin client) and returns its view. */
export async function createPriceItem(admin: Client, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await admin.post('/api/v1/price-items', { code: unique('P'), name: unique('服务'), unit: '次', priceCents: 10000, category: 'labour', ...overrides });
  if (res.status !== 201) throw new Error(`create price item failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Adds a stock item (as an admin or manager client) with the given quantity on hand and returns its view. */
export async function createStockItem(client: Client, quantityOnHand = 10, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await client.post('/api/v1/stock-items', { code: unique('S'), name: unique('物料'), unit: '个', quantityOnHand, ...overrides });
  if (res.status !== 201) throw new Error(`create stock item failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

// Repair dispatch: times on the service day (Asia/Shanghai) and a dispatched repair order.
const REPAIR_DAY_MS = 86_400_000;

/** The start of today's service day (China midnight), plus `hours`. */
export function todayAt(hours: number, now = Date.now()): string {
  return new Date(serviceDaySpan(new Date(now)).from.getTime() + hours * 3_600_000).toISOString();
}

export function shanghaiDay(offsetDays = 0): string {
  return serviceDay(new Date(Date.now() + offsetDays * REPAIR_DAY_MS));
}

export interface RepairSetup {
  tech: Client & { id: string };
  order: any;
  customer: any;
  contact: any;
  repair: any;
  visitId: string;
  teamId: string;
}

export async function dispatchedRepair(
  server: TestServer,
  admin: Client,
  options: { warrantyEnd?: string | null; startHour?: number; tech?: Client & { id: string } } = {},
): Promise<RepairSetup> {
  const repairTeam = await teamId(admin, 'repair');
  const tech = options.tech ?? (await staff(server, { role: 'technician', teams: [repairTeam] }));
  const customer = await createCustomer(admin, { address: '文三路 1 号' });
  const contact = await createContact(admin, customer.id, { phones: ['13800138000'] });
  const asset = await createAsset(admin, customer.id, { warrantyEnd: options.warrantyEnd ?? null, model: 'X-100' });
  const order = await createWorkOrder(admin, customer.id, {
    typeKey: 'repair',
    teamId: repairTeam,
    contactId: contact.id,
    assetId: asset.id,
  });
  const start = options.startHour ?? 10;
  const res = await admin.post(`/api/v1/work-orders/${order.id}/repair/dispatch`, {
    technicianId: tech.id,
    appointmentStart: todayAt(start),
    appointmentEnd: todayAt(start + 2),
  });
  if (res.status !== 200) throw new Error(`dispatch failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { tech, order, customer, contact, repair: res.body, visitId: res.body.visits[0].id, teamId: repairTeam };
}
