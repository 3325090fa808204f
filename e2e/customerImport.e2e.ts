/**
 * An agent imports customers from a CSV file through the customer list:
 * preview with a row marked in error, import with progress, the summary,
 * then the imported customers in the list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../src/modules/customers/spreadsheet.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const AGENT = { username: 'zhao.import', password: 'agent-password-1', displayName: '赵导入' };

describe.skipIf(!hasChromium)('customer import in the browser', () => {
  let kit: BrowserKit;
  let file: string;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    expect((await admin.post('/api/v1/users', { ...AGENT, role: 'agent' })).status).toBe(201);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-import-')), '客户.csv');
    fs.writeFileSync(
      file,
      writeCsv([
        ['客户名称', '省', '市', '电话', '服务等级', '规模', '联系人', '联系人电话'],
        ['宁波海曙机电有限公司', '浙江省', '宁波市', '0574-87654321', '金牌', '大客户', '陈工', '13812345678'],
        ['宁波海曙机电有限公司', '', '', '', '', '', '周经理', '13912345678'],
        ['温州鹿城贸易公司', '浙江省', '温州市', '0577-88776655', '', '一般客户', '', ''],
        ['', '浙江省', '', 'not a phone', '', '', '', ''],
      ]),
    );
  });
  afterAll(async () => {
    await kit?.close();
    if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('previews, imports with progress and shows the customers in the list', async () => {
    const page = await kit.newPage();
    await logIn(page, AGENT.username, AGENT.password);
    await page.waitForURL('**/workspace');
    await page.getByRole('menuitem', { name: '客户档案' }).click();
    await page.getByTestId('customer-import').click();
    await page.locator('.ant-modal-wrap:visible input[type=file]').setInputFiles(file);

    await expect(page.getByTestId('import-ready').textContent()).resolves.toBe('3');
    expect(await page.getByTestId('import-cell-error').count()).toBe(2);
    await kit.screenshot(page, 'customer-import-preview');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').filter({ hasText: '新建客户 2 个、联系人 2 个；跳过 1 行' }).waitFor();
    await page.getByText('已处理 3 / 3 行').waitFor();
    await kit.screenshot(page, 'customer-import-done');
    await page.getByTestId('import-close').click();

    await page.getByRole('link', { name: '宁波海曙机电有限公司' }).waitFor();
    await page.getByRole('link', { name: '温州鹿城贸易公司' }).waitFor();

    // Export of the current list as CSV: the browser receives a dated file holding the customers.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('customer-export').click();
    await page.getByRole('menuitem', { name: 'CSV（UTF-8）' }).click();
    const exported = await downloading;
    expect(exported.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await exported.path(), 'utf8');
    expect(text).toContain('宁波海曙机电有限公司');
    expect(text).toContain('周经理');
    await page.getByTestId('customer-search').locator('input').fill('12345678');
    await page.getByTestId('customer-search').locator('input').press('Enter');
    await page.getByRole('link', { name: '宁波海曙机电有限公司' }).click();
    await page.getByRole('cell', { name: '周经理' }).waitFor();

    // Classification filter: 规模 = 大客户 keeps the key account and drops the other.
    await page.goBack();
    await page.getByRole('link', { name: '温州鹿城贸易公司' }).waitFor();
    await page.getByTestId('customer-filter-scale').click();
    await page.locator('.ant-select-item-option', { hasText: '大客户' }).click();
    await page.getByRole('link', { name: '温州鹿城贸易公司' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: '宁波海曙机电有限公司' }).waitFor();
  });
});
