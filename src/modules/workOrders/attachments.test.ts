import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerUser, staff, teamId, unique } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';
import { contentDisposition, sanitizeFilename } from './commands/attachmentTypes.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a tiny png')]);

let server: TestServer;
let admin: Client;
let adminId: string;
let serviceTeam: string;
let repairTeam: string;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  adminId = (await admin.get('/api/v1/auth/me')).body.id;
  serviceTeam = await teamId(admin, 'service');
  repairTeam = await teamId(admin, 'repair');
});
afterAll(() => server?.close());

async function newCustomer(s: TestServer = server): Promise<string> {
  const row = await s.database.db.insertInto('customers').values({ name: unique('客户') }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One order in a team's queue, written straight to the table: this file tests attachments, not order creation. */
async function newOrder(options: { customerId?: string; teamId?: string; s?: TestServer; createdBy?: string } = {}) {
  const s = options.s ?? server;
  const row = await s.database.db
    .insertInto('work_orders')
    .values({
      number: unique('T'),
      type_key: 'repair',
      channel: 'phone',
      subject: '打印机卡纸',
      customer_id: options.customerId ?? (await newCustomer(s)),
      priority: 'normal',
      status: 'new',
      status_category: 'new',
      team_id: options.teamId ?? serviceTeam,
      created_by: options.createdBy ?? adminId,
    })
    .returning(['id', 'customer_id'])
    .executeTakeFirstOrThrow();
  return row;
}

function upload(client: Client, orderId: string, files: Array<[string, Buffer | string]>, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [name, content] of files) form.append('files', new Blob([content]), name);
  return client.post(`/api/v1/work-orders/${orderId}/attachments`, form);
}

function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

const rowsOf = (orderId: string, s: TestServer = server) =>
  s.database.db.selectFrom('attachments').selectAll().where('work_order_id', '=', orderId).execute();

describe('file names and headers', () => {
  it('cleans file names: no path parts, no control or direction characters, at most 200 characters', () => {
    expect(sanitizeFilename('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(sanitizeFilename('C:\\Users\\王\\报告.pdf')).toBe('报告.pdf');
    expect(sanitizeFilename('a\u0000b\u202Etxt.exe')).toBe('abtxt.exe');
    expect(sanitizeFilename('...hidden.txt')).toBe('hidden.txt');
    const long = sanitizeFilename(`${'长'.repeat(300)}.docx`);
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('writes RFC 5987 dispositions safe for Chinese names and quotes', () => {
    expect(contentDisposition('attachment', '报告 "v2".pdf')).toBe(
      `attachment; filename="__ _v2_.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%22v2%22.pdf`,
    );
  });
});

describe('upload and download', () => {
  it('round-trips a file with a Chinese name, stored under a generated name, with safe download headers', async () => {
    const agent = await staff(server, { teams: [serviceTeam] });
    const order = await newOrder();
    const name = '维修报告（第1版）.pdf';
    const content = '%PDF-1.4 fake but fine';
    const res = await upload(agent, order.id, [[name, content]]);
    expect(res.status).toBe(201);
    const [item] = res.body.items;
    expect(item).toMatchObject({ filename: name, contentType: 'application/pdf', sizeBytes: content.length, public: true, isImage: false });
    expect(item.uploadedBy.id).toBe(agent.id);

    const rows = await rowsOf(order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.storage_key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    const stored = filesIn(server.attachmentsDir);
    expect(stored).toContain(path.join(...rows[0]!.storage_key.split('/')));
    expect(stored.some((f) => f.includes('维修') || f.endsWith('.part'))).toBe(false);
    const event = await server.database.db.selectFrom('events').selectAll().where('id', '=', Number(rows[0]!.event_id)).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: 'workOrder.attachmentAdded', subject_id: order.id, public: true });

    const download = await agent.get(item.url);
    expect(download.status).toBe(200);
    expect(download.body).toBe(content);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="______1__.pdf"; filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    // A PDF never becomes inline, even when asked.
    expect((await agent.get(`${item.url}?inline=1`)).headers.get('content-disposition')).toMatch(/^attachment;/);

    const list = await agent.get(`/api/v1/work-orders/${order.id}/attachments`);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([item.id]);
  });

  it('serves real images inline only when asked, and refuses a fake image', async () => {
    const order = await newOrder();
    const res = await upload(admin, order.id, [['照片.PNG', PNG]]);
    expect(res.status).toBe(201);
    const item = res.body.items[0];
    expect(item).toMatchObject({ contentType: 'image/png', isImage: true });
    expect((await admin.get(item.url)).headers.get('content-disposition')).toMatch(/^attachment;/);
    const inline = await admin.get(`${item.url}?inline=1`);
    expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(inline.headers.get('content-type')).toBe('image/png');
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff');

    const before = filesIn(server.attachmentsDir).length;
    const fake = await upload(admin, order.id, [['pic.jpg', '<html><script>alert(1)</script></html>']]);
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe('ATTACHMENT_CONTENT_MISMATCH');
    expect(filesIn(server.attachmentsDir)).toHaveLength(before);
    expect(await rowsOf(order.id)).toHaveLength(1);
  });

  it('refuses types outside the list (exe, html, svg), writing no file and no row, even with good files alongside', async () => {
    const order = await newOrder();
    const before = filesIn(server.attachmentsDir).length;
    for (const name of ['setup.exe', 'page.html', 'logo.svg', 'noextension']) {
      const res = await upload(admin, order.id, [['ok.txt', 'fine'], [name, 'content']]);
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    }
    const empty = await upload(admin, order.id, [['empty.txt', '']]);
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('ATTACHMENT_EMPTY');
    const none = await upload(admin, order.id, [], { internal: 'false' });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('ATTACHMENT_NONE');
    const json = await admin.post(`/api/v1/work-orders/${order.id}/attachments`, { file: 'x' });
    expect(json.status).toBe(415);
    expect(filesIn(server.attachmentsDir)).toHaveLength(before);
    expect(await rowsOf(order.id)).toHaveLength(0);
  });

  it('stores several files of one upload under one timeline event', async () => {
    const order = await newOrder();
    const res = await upload(admin, order.id, [['a.txt', 'a'], ['b.csv', 'x,y'], ['c.xlsx', 'PK..']]);
    expect(res.status).toBe(201);
    expect(res.body.items.map((a: { filename: string }) => a.filename)).toEqual(['a.txt', 'b.csv', 'c.xlsx']);
    const rows = await rowsOf(order.id);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(1);
  });
});

describe('size limit', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startServer({ KEFU_MAX_UPLOAD_MB: '0.01' });
  });
  afterAll(() => small?.close());

  it('answers 413 PAYLOAD_TOO_LARGE for an oversized file, leaving no file and no row', async () => {
    const smallAdmin = await small.admin();
    const me = (await smallAdmin.get('/api/v1/auth/me')).body.id;
    const order = await newOrder({ s: small, createdBy: me, teamId: (await teamId(smallAdmin, 'service')) });
    const res = await upload(smallAdmin, order.id, [['first.txt', 'fits'], ['big.txt', 'x'.repeat(50_000)]]);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(filesIn(small.attachmentsDir)).toEqual([]);
    expect(await rowsOf(order.id, small)).toHaveLength(0);
    // Under the limit it works on the same server.
    expect((await upload(smallAdmin, order.id, [['ok.txt', 'x'.repeat(5_000)]])).status).toBe(201);
  });
});

describe('who may see attachments', () => {
  it('keeps other organisations and other teams out (404), and internal files from customers', async () => {
    const customerId = await newCustomer();
    const order = await newOrder({ customerId });
    const own = await customerUser(server, customerId);
    const stranger = await customerUser(server, await newCustomer());
    const outsider = await staff(server, { teams: [repairTeam] });
    const agent = await staff(server, { teams: [serviceTeam] });

    const internal = (await upload(agent, order.id, [['内部备注.txt', 'internal only']], { internal: 'true' })).body.items[0];
    expect(internal.public).toBe(false);
    const internalEvent = await server.database.db.selectFrom('events').select('public').where('type', '=', 'workOrder.attachmentAdded').where('subject_id', '=', order.id).executeTakeFirstOrThrow();
    expect(internalEvent.public).toBe(false);
    // A customer cannot post internal files: the flag is ignored.
    const fromCustomer = await upload(own, order.id, [['截图.png', PNG]], { internal: 'true' });
    expect(fromCustomer.status).toBe(201);
    const shared = fromCustomer.body.items[0];
    expect(shared.public).toBe(true);

    const ownList = await own.get(`/api/v1/work-orders/${order.id}/attachments`);
    expect(ownList.body.items.map((a: { id: string }) => a.id)).toEqual([shared.id]);
    expect((await own.get(shared.url)).status).toBe(200);
    const hidden = await own.get(internal.url);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('ATTACHMENT_NOT_FOUND');

    const timeline = (await own.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items.filter(
      (e: { type: string }) => e.type === 'workOrder.attachmentAdded',
    );
    expect(timeline.map((e: { data: { attachments: Array<{ id: string }> } }) => e.data.attachments[0]!.id)).toEqual([shared.id]);

    const agentList = await agent.get(`/api/v1/work-orders/${order.id}/attachments`);
    expect(agentList.body.items).toHaveLength(2);
    expect((await agent.get(internal.url)).status).toBe(200);

    for (const other of [stranger, outsider]) {
      expect((await other.get(`/api/v1/work-orders/${order.id}/attachments`)).status).toBe(404);
      expect((await other.get(shared.url)).status).toBe(404);
      const up = await upload(other, order.id, [['x.txt', 'x']]);
      expect(up.status).toBe(404);
      expect(up.body.error.code).toBe('WORK_ORDER_NOT_FOUND');
    }
    expect(await rowsOf(order.id)).toHaveLength(2);
    expect((await agent.get('/api/v1/attachments/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
