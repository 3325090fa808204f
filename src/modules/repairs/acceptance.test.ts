import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from '../../../test/harness.ts';
import { startServer } from '../../../test/harness.ts';
import { createCustomer, createWorkOrder, customerUser, dispatchedRepair, staff, todayAt, unique } from '../../../test/factories.ts';
import { codeIn, type SmsGateway, startSmsGateway } from '../../../test/smsGateway.ts';

let server: TestServer;
let admin: Client;
let gateway: SmsGateway;

beforeAll(async () => {
  gateway = await startSmsGateway();
  server = await startServer({ KEFU_SMS_WEBHOOK_URL: gateway.url });
  admin = await server.admin();
});
afterAll(async () => {
  await server?.close();
  await gateway?.close();
});

/** The code of the next SMS that reached the contact's phone for this order. */
async function smsCode(order: { number: string }): Promise<string> {
  const sms = await gateway.take((m) => m.text.includes(order.number));
  expect(sms.to).toBe('13800138000');
  return codeIn(sms);
}

const url = (orderId: string, rest = '') => `/api/v1/work-orders/${orderId}/repair${rest}`;
const resolve = (client: Client, orderId: string, overrideReason?: string) =>
  client.post(`/api/v1/work-orders/${orderId}/transitions`, { to: 'resolved', ...(overrideReason ? { overrideReason } : {}) });

/** A tiny valid PNG (1×1) with `extra` bytes of padding in an ancillary chunk's place. */
function png(extra = 0): string {
  const onePixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  return `data:image/png;base64,${Buffer.concat([onePixel, Buffer.alloc(extra)]).toString('base64')}`;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

describe('resolve needs acceptance', () => {
  it('refuses to resolve without acceptance; the technician cannot override, a supervisor can with a reason', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    for (const client of [tech, admin]) {
      const res = await resolve(client, order.id);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('REPAIR_ACCEPTANCE_REQUIRED');
    }
    expect((await resolve(tech, order.id, '客户口头同意')).body.error.code).toBe('REPAIR_ACCEPTANCE_REQUIRED');
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.status.key).toBe('assigned');

    const overridden = await resolve(admin, order.id, '客户出差，电话确认已修复');
    expect(overridden.status).toBe(200);
    expect(overridden.body.status.key).toBe('resolved');
    const types = (await admin.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items.map((e: { type: string }) => e.type);
    expect(types).toContain('repair.acceptanceOverridden');
  });

  it('a lead of the order’s team may override too', async () => {
    const tech = await staff(server, { role: 'technician' });
    const lead = await staff(server, { role: 'agent' });
    const team = await admin.post('/api/v1/teams', { name: unique('维修二组') });
    await admin.put(`/api/v1/teams/${team.body.id}/members`, {
      members: [
        { userId: tech.id, isLead: false },
        { userId: lead.id, isLead: true },
      ],
    });
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id, { typeKey: 'maintenance', teamId: team.body.id });
    const dispatched = await admin.post(url(order.id, '/dispatch'), { technicianId: tech.id, appointmentStart: todayAt(9), appointmentEnd: todayAt(10) });
    expect(dispatched.status).toBe(200);
    expect((await resolve(tech, order.id, '已修好')).body.error.code).toBe('REPAIR_ACCEPTANCE_REQUIRED');
    const res = await resolve(lead, order.id, '客户不在，现场已测试正常');
    expect(res.status).toBe(200);
    expect(res.body.status.key).toBe('resolved');
  });

  it('after a signature the technician resolves; the signature is stored as a PNG and can be read back', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    const res = await tech.post(url(order.id, '/acceptance/signature'), { signature: png() });
    expect(res.status).toBe(200);
    expect(res.body.acceptance).toMatchObject({ accepted: true, method: 'signature' });
    const image = await tech.request('GET', url(order.id, '/acceptance/signature'));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await tech.post(url(order.id, '/acceptance/signature'), { signature: png() })).body.error.code).toBe('REPAIR_ALREADY_ACCEPTED');
    expect((await resolve(tech, order.id)).status).toBe(200);
  });

  it('refuses a signature that is not a PNG, too large, or from another technician; nothing stored', async () => {
    const { order, teamId } = await dispatchedRepair(server, admin);
    const before = filesUnder(path.join(server.attachmentsDir, 'signatures')).length;
    const gif = `data:image/png;base64,${Buffer.from('GIF89a-not-a-png').toString('base64')}`;
    expect((await admin.post(url(order.id, '/acceptance/signature'), { signature: gif })).body.error.code).toBe('REPAIR_SIGNATURE_INVALID');
    expect((await admin.post(url(order.id, '/acceptance/signature'), { signature: png(500 * 1024) })).body.error.code).toBe('REPAIR_SIGNATURE_INVALID');
    const other = await staff(server, { role: 'technician', teams: [teamId] });
    expect((await other.post(url(order.id, '/acceptance/signature'), { signature: png() })).status).toBe(403);
    expect((await admin.get(url(order.id))).body.acceptance.accepted).toBe(false);
    expect(filesUnder(path.join(server.attachmentsDir, 'signatures'))).toHaveLength(before);
  });
});

describe('confirmation code', () => {
  it('the code sent to the contact records acceptance; only its hash is stored', async () => {
    const { order, tech, customer } = await dispatchedRepair(server, admin);
    const res = await tech.post(url(order.id, '/acceptance/code'));
    expect(res.body.acceptance).toMatchObject({ accepted: false, codePending: true });
    const code = await smsCode(order);
    expect(code).toMatch(/^\d{6}$/);
    const row = await server.database.db.selectFrom('repair_orders').select('code_hash').where('work_order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(row.code_hash).not.toContain(code);

    const portal = await customerUser(server, customer.id);
    const verified = await portal.post(url(order.id, '/acceptance/verify'), { code });
    expect(verified.status).toBe(200);
    expect(verified.body.acceptance).toMatchObject({ accepted: true, method: 'code' });
    expect((await resolve(tech, order.id)).status).toBe(200);
  });

  it('five wrong tries lock the code, even the right one is refused afterwards', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    await tech.post(url(order.id, '/acceptance/code'));
    const code = await smsCode(order);
    const wrong = code === '000000' ? '111111' : '000000';
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await tech.post(url(order.id, '/acceptance/verify'), { code: wrong });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('CONFIRMATION_CODE_WRONG');
      remaining.push(res.body.error.details.remaining);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const locked = await tech.post(url(order.id, '/acceptance/verify'), { code });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('CONFIRMATION_CODE_LOCKED');
    expect((await admin.get(url(order.id))).body.acceptance.accepted).toBe(false);

    // A new code starts over.
    await tech.post(url(order.id, '/acceptance/code'));
    expect((await tech.post(url(order.id, '/acceptance/verify'), { code: await smsCode(order) })).status).toBe(200);
  });

  it('an expired code is refused', async () => {
    const { order, tech } = await dispatchedRepair(server, admin);
    await tech.post(url(order.id, '/acceptance/code'));
    await server.database.db
      .updateTable('repair_orders')
      .set({ code_expires_at: new Date(Date.now() - 1000) })
      .where('work_order_id', '=', order.id)
      .execute();
    const res = await tech.post(url(order.id, '/acceptance/verify'), { code: await smsCode(order) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFIRMATION_CODE_EXPIRED');
  });
});
