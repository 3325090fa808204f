/**
 * What the portal's new-request form relies on: a customer user lists their
 * own organisation's assets (never another's), opens an order on one of them,
 * and attaches files to it afterwards, one request per file so a refused file
 * is reported on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsset, createCustomer, customerUser, staff, unique } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a tiny png')]);

let server: TestServer;
let agent: Client;
beforeAll(async () => {
  server = await startServer();
  agent = await staff(server, { role: 'agent' });
});
afterAll(() => server?.close());

function uploadOne(client: Client, orderId: string, name: string, content: Buffer | string) {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  return client.post(`/api/v1/work-orders/${orderId}/attachments`, form);
}

describe('portal request with asset and attachments', () => {
  it('lists only the organisation’s own active assets; another organisation’s are 404', async () => {
    const own = await createCustomer(agent);
    const other = await createCustomer(agent);
    const forklift = await createAsset(agent, own.id, { name: '叉车 A1' });
    const retired = await createAsset(agent, own.id, { name: '旧叉车' });
    await (await server.admin()).post(`/api/v1/assets/${retired.id}/archive`);
    const foreign = await createAsset(agent, other.id, { name: '别家设备' });
    const portal = await customerUser(server, own.id);

    const mine = await portal.get(`/api/v1/customers/${own.id}/assets?includeArchived=true`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([forklift.id]);
    expect(mine.body.items[0].notes).toBeUndefined();

    const theirs = await portal.get(`/api/v1/customers/${other.id}/assets`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('CUSTOMER_NOT_FOUND');
    expect(JSON.stringify(theirs.body)).not.toContain(foreign.id);
    const one = await portal.get(`/api/v1/assets/${foreign.id}`);
    expect(one.status).toBe(404);
    expect(one.body.error.code).toBe('ASSET_NOT_FOUND');
  });

  it('opens an order on an own asset; another organisation’s asset is refused with nothing written', async () => {
    const own = await createCustomer(agent);
    const other = await createCustomer(agent);
    const forklift = await createAsset(agent, own.id, { name: '叉车 B2' });
    const foreign = await createAsset(agent, other.id);
    const portal = await customerUser(server, own.id);

    const subject = unique('借用别家设备');
    const refused = await portal.post('/api/v1/work-orders', { typeKey: 'repair', subject, assetId: foreign.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ field: 'assetId' });
    const written = await server.database.db.selectFrom('work_orders').select('id').where('subject', '=', subject).execute();
    expect(written).toEqual([]);

    const created = await portal.post('/api/v1/work-orders', { typeKey: 'repair', subject: unique('叉车无法启动'), assetId: forklift.id });
    expect(created.status).toBe(201);
    const view = await portal.get(`/api/v1/work-orders/${created.body.id}`);
    expect(view.body.asset).toMatchObject({ id: forklift.id, name: '叉车 B2' });
    expect(view.body.channel).toBe('portal');
  });

  it('attaches files one by one after creation: a refused file does not stop the others', async () => {
    const own = await createCustomer(agent);
    const portal = await customerUser(server, own.id);
    const created = await portal.post('/api/v1/work-orders', { typeKey: 'repair', subject: unique('漏水') });

    const photo = await uploadOne(portal, created.body.id, '现场照片.png', PNG);
    expect(photo.status).toBe(201);
    const program = await uploadOne(portal, created.body.id, 'setup.exe', 'MZ');
    expect(program.status).toBe(415);
    expect(program.body.error).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    expect(program.body.error.message).toContain('setup.exe');
    const fake = await uploadOne(portal, created.body.id, '假图片.png', 'not a png');
    expect(fake.body.error.code).toBe('ATTACHMENT_CONTENT_MISMATCH');

    const list = await portal.get(`/api/v1/work-orders/${created.body.id}/attachments`);
    expect(list.body.items.map((a: { filename: string; public: boolean; isImage: boolean }) => [a.filename, a.public, a.isImage])).toEqual([
      ['现场照片.png', true, true],
    ]);
    // Staff see the customer's file too.
    const staffList = await (await server.admin()).get(`/api/v1/work-orders/${created.body.id}/attachments`);
    expect(staffList.body.items).toHaveLength(1);
  });

  it('refuses a file over the server’s size limit with 413, naming nothing stored', async () => {
    const small = await startServer({ KEFU_MAX_UPLOAD_MB: '0.001' });
    try {
      const smallAgent = await staff(small, { role: 'agent' });
      const own = await createCustomer(smallAgent);
      const portal = await customerUser(small, own.id);
      const created = await portal.post('/api/v1/work-orders', { typeKey: 'repair', subject: unique('大文件') });
      const big = await uploadOne(portal, created.body.id, '大图.png', Buffer.concat([PNG, Buffer.alloc(4096)]));
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect((await portal.get(`/api/v1/work-orders/${created.body.id}/attachments`)).body.items).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
