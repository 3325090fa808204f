import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, createCustomer, customerUser, staff, unique } from '../../../test/factories.ts';
import { type Client, startServer, type TestServer } from '../../../test/harness.ts';
import { parseCsv, readXlsx, writeCsv, writeXlsx } from './spreadsheet.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

const ZH = ['客户名称', '统一社会信用代码', '省', '市', '电话', '服务等级', '规模', '联系人', '联系人电话', '职务'];

function creditCode(): string {
  return `91330100${unique('').toUpperCase()}AB`;
}

async function preview(client: Client, bytes: Uint8Array | string, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), filename);
  return client.post('/api/v1/customers/import/preview', form);
}

async function download(client: Client, url: string) {
  const res = await fetch(`${client.baseUrl}${url}`, { headers: { cookie: client.cookie, 'accept-language': client.lang } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('customer import', () => {
  it('previews an XLSX with Chinese headers: normalized rows, contacts grouped by customer, nothing written', async () => {
    const agent = await staff(server, { role: 'agent' });
    const name = unique('导入测试公司');
    const code = creditCode();
    const file = await writeXlsx(
      [
        ZH,
        [name, code, '浙江省', '杭州市', '0571-8888 0000; 13800138000', '金牌', '大客户', '张三', '13900139000', '经理'],
        [name, code, '', '', '', '', '', '李四', '13700137000 13600136000', '工程师'],
      ],
      'sheet',
    );
    const res = await preview(agent, file, 'customers.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'xlsx', totalRows: 2, errors: [] });
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      rows: [2, 3],
      customer: { name, creditCode: code, phones: ['0571-8888 0000', '13800138000'], tier: 'gold', classification: { scale: 'large' } },
      contacts: [
        { name: '张三', phones: ['13900139000'], position: '经理' },
        { name: '李四', phones: ['13700137000', '13600136000'], position: '工程师' },
      ],
    });
    const list = await agent.get(`/api/v1/customers?q=${encodeURIComponent(name)}`);
    expect(list.body.total).toBe(0);
  });

  it('lists per-row errors in the request language with the column as written', async () => {
    const agent = await staff(server, { role: 'agent' });
    const csv = writeCsv([
      ['Name', 'Credit code', 'Phones', 'Tier', 'Scale', 'Contact name', 'Contact email'],
      [unique('Good Co '), '', '0571-1234567', 'Gold', 'Key account', 'Ann', 'ann@example.com'],
      ['', '', '', '', '', '', ''],
      ['', 'bad', 'call me; ring me', 'platinum-x', 'huge', '', 'not-an-email'],
    ]);
    const en = server.client('en');
    en.cookie = agent.cookie;
    const res = await preview(en, csv, 'customers.csv');
    expect(res.status).toBe(200);
    expect(res.body.totalRows).toBe(2);
    expect(res.body.items).toHaveLength(1);
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string }) => [e.field, e]));
    expect(res.body.errors.every((e: { row: number }) => e.row === 4)).toBe(true);
    expect(byField.name).toMatchObject({ code: 'IMPORT_REQUIRED', message: '"Name" is required' });
    expect(byField.creditCode.code).toBe('IMPORT_BAD_CREDIT_CODE');
    expect(byField.phones.code).toBe('IMPORT_BAD_PHONE');
    expect(res.body.errors.filter((e: { field: string }) => e.field === 'phones')).toHaveLength(1);
    expect(byField.tier.code).toBe('IMPORT_UNKNOWN_TIER');
    expect(byField['classification.scale'].code).toBe('IMPORT_UNKNOWN_OPTION');
    expect(byField.contactName.code).toBe('IMPORT_REQUIRED');
    expect(byField.contactEmail).toMatchObject({ code: 'IMPORT_BAD_EMAIL', message: '"Contact email" is not a valid email address' });
  });

  it('refuses files it cannot read: not UTF-8, no name column, too large', async () => {
    const agent = await staff(server, { role: 'agent' });
    const gbk = Uint8Array.from([0xbf, 0xcd, 0xbb, 0xa7, 0x0a]); // "客户" in GBK
    expect((await preview(agent, gbk, 'gbk.csv')).body.error.code).toBe('IMPORT_NOT_UTF8');
    expect((await preview(agent, 'foo,bar\n1,2\n', 'x.csv')).body.error.code).toBe('IMPORT_NO_NAME_COLUMN');
    const many = await writeXlsx([['客户名称'], ...Array.from({ length: 5001 }, (_, i) => [`客户${i}`])], 'sheet');
    expect((await preview(agent, many, 'many.xlsx')).body.error).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', message: '一次最多导入 5000 行' });
    const manyCsv = writeCsv([['客户名称'], ...Array.from({ length: 5001 }, (_, i) => [`客户${i}`])]);
    expect((await preview(agent, manyCsv, 'many.csv')).body.error.code).toBe('IMPORT_TOO_MANY_ROWS');
    const big = await preview(agent, `客户名称\n${'x'.repeat(5 * 1024 * 1024)}`, 'big.csv');
    expect(big.status).toBe(413);
  });

  it('commits a chunk: customers and contacts searchable by name and phone, with audit', async () => {
    const agent = await staff(server, { role: 'agent' });
    const name = unique('批量客户');
    const phone = `139${String(Date.now()).slice(-8)}`;
    const csv = writeCsv([ZH, [name, '', '江苏省', '南京市', '', '', '', '王五', phone, '']]);
    const pre = await preview(agent, csv, 'c.csv');
    const commit = await agent.post('/api/v1/customers/import/commit', { items: pre.body.items });
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ created: 1, contacts: 1 });
    const byName = await agent.get(`/api/v1/customers?q=${encodeURIComponent(name)}`);
    expect(byName.body.items.map((c: { id: string }) => c.id)).toEqual(commit.body.ids);
    const byPhone = await agent.get(`/api/v1/customers?q=${phone}`);
    expect(byPhone.body.items.map((c: { id: string }) => c.id)).toEqual(commit.body.ids);
    const audit = await agent.get(`/api/v1/customers/${commit.body.ids[0]}/audit`);
    expect(audit.body.items.map((e: { type: string }) => e.type).sort()).toEqual(['contact.created', 'customer.created']);
  });

  it('writes nothing of a chunk with a bad row, and says which rows failed', async () => {
    const agent = await staff(server, { role: 'agent' });
    const taken = await createCustomer(agent, { creditCode: creditCode() });
    const good = unique('好客户');
    const items = [
      { rows: [2], customer: { name: good }, contacts: [{ name: '甲' }] },
      { rows: [3], customer: { name: unique('重复'), creditCode: taken.creditCode }, contacts: [] },
      { rows: [4], customer: { name: unique('坏等级'), tier: 'no-such-tier' }, contacts: [] },
    ];
    const res = await agent.post('/api/v1/customers/import/commit', { items });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IMPORT_ROWS_INVALID');
    expect(res.body.error.details.errors).toMatchObject([
      { row: 3, field: 'creditCode', code: 'CREDIT_CODE_TAKEN' },
      { row: 4, field: 'tier', code: 'VALIDATION_FAILED' },
    ]);
    expect((await agent.get(`/api/v1/customers?q=${encodeURIComponent(good)}`)).body.total).toBe(0);
    const bad = await agent.post('/api/v1/customers/import/commit', { items: [{ rows: [2], customer: { name: good, extra: 1 }, contacts: [] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const tooMany = Array.from({ length: 5 }, (_, i) => ({ rows: Array.from({ length: 41 }, (_, k) => i * 41 + k + 2), customer: { name: unique('多') }, contacts: [] }));
    expect((await agent.post('/api/v1/customers/import/commit', { items: tooMany })).status).toBe(400);
  });

  it('exports the filtered list as XLSX and CSV that preview back to the same customers', async () => {
    const manager = await staff(server, { role: 'manager' });
    const tag = unique('导出');
    const a = await createCustomer(manager, { name: `${tag} 甲`, tier: 'gold', classification: { scale: 'large' } });
    await createContact(manager, a.id, { name: '赵六', phones: ['13511112222'] });
    await createContact(manager, a.id, { name: '钱七' });
    await createCustomer(manager, { name: `${tag} 乙` });
    await createCustomer(manager, { name: unique('其他') });

    const xlsx = await download(manager, `/api/v1/customers/export?format=xlsx&q=${encodeURIComponent(tag)}&sort=name`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const grid = await readXlsx(xlsx.bytes);
    expect(grid[0]).toContain('客户名称');
    expect(grid.slice(1).map((r) => r[0]).sort()).toEqual([`${tag} 乙`, `${tag} 甲`, `${tag} 甲`].sort());

    const back = await preview(manager, xlsx.bytes, 'export.xlsx');
    expect(back.body.errors).toEqual([]);
    const byName = Object.fromEntries(back.body.items.map((i: { customer: { name: string } }) => [i.customer.name, i]));
    expect(Object.keys(byName).sort()).toEqual([`${tag} 甲`, `${tag} 乙`].sort());
    expect(byName[`${tag} 甲`]).toMatchObject({
      customer: { tier: 'gold', classification: { scale: 'large' }, phones: ['0571-8888 0000'] },
      contacts: [{ name: '赵六', phones: ['13511112222'] }, { name: '钱七' }],
    });

    const en = server.client('en');
    en.cookie = manager.cookie;
    const csv = await download(en, `/api/v1/customers/export?format=csv&q=${encodeURIComponent(tag)}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(rows[0]!.slice(0, 2)).toEqual(['Name', 'Credit code']);
    const csvBack = await preview(en, csv.bytes, 'export.csv');
    expect(csvBack.body.items.map((i: { customer: { name: string } }) => i.customer.name).sort()).toEqual([`${tag} 乙`, `${tag} 甲`].sort());
  });

  it('refuses import to roles that may not create customers, and export to customer users', async () => {
    const agent = await staff(server, { role: 'agent' });
    const technician = await staff(server, { role: 'technician' });
    const c = await createCustomer(agent);
    const portal = await customerUser(server, c.id);
    const csv = writeCsv([['客户名称'], [unique('x')]]);
    expect((await preview(technician, csv, 'a.csv')).status).toBe(403);
    expect((await preview(portal, csv, 'a.csv')).status).toBe(403);
    const items = [{ rows: [2], customer: { name: unique('不该有') }, contacts: [] }];
    expect((await technician.post('/api/v1/customers/import/commit', { items })).status).toBe(403);
    expect((await download(portal, '/api/v1/customers/export?format=csv')).status).toBe(403);
    expect((await download(technician, '/api/v1/customers/export?format=csv')).status).toBe(200);
    const template = await download(agent, '/api/v1/customers/import/template?format=xlsx');
    expect((await readXlsx(template.bytes))[0]).toEqual(expect.arrayContaining(['客户名称', '联系人电话', '规模']));
  });
});
