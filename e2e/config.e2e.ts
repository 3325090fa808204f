/**
 * The administrator's configuration in the browser: a work order type with
 * its own workflow, a classification dimension with an option, a custom field,
 * and the completeness set; each checked against what the server stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type BrowserKit, CHROMIUM, hasChromium, logIn, modalOk, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

describe.skipIf(!hasChromium)('admin configuration in the browser', () => {
  let kit: BrowserKit;
  beforeAll(async () => {
    kit = await startBrowserKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('defines a work order type and its workflow', async () => {
    const page = await kit.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL('**/workspace');
    await page.goto('/admin/work-order-types');
    await page.getByTestId('type-create').click();
    await page.getByTestId('type-key').fill('install');
    await page.getByTestId('type-name').fill('安装');
    const modal = page.locator('.ant-modal-wrap:visible');
    await modal.locator('#statuses_0_name').fill('新建');
    await modal.getByRole('button', { name: /添加状态/ }).click();
    await modal.locator('#statuses_1_key').fill('done');
    await modal.locator('#statuses_1_name').fill('已完成');
    await modal.locator('#statuses_1_category').click();
    await page.locator('.ant-select-item-option', { hasText: '已关闭' }).click();
    await modal.getByLabel('new→done').check();
    await kit.screenshot(page, 'admin-work-order-type');
    await modalOk(page).click();
    await page.getByRole('cell', { name: 'install' }).waitFor();

    const admin = await kit.server.admin();
    const types = (await admin.get('/api/v1/work-order-types')).body.items;
    expect(types.find((type: { key: string }) => type.key === 'install')).toMatchObject({
      name: '安装',
      workflow: {
        initial: 'new',
        statuses: [
          { key: 'new', name: '新建', category: 'new' },
          { key: 'done', name: '已完成', category: 'closed' },
        ],
        transitions: [{ from: 'new', to: 'done' }],
      },
    });
  });

  it('adds a classification dimension, a custom field and counts them for completeness', async () => {
    const page = await kit.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.waitForURL('**/workspace');

    await page.goto('/admin/classification');
    await page.getByTestId('set-create').click();
    await page.getByTestId('named-item-key').fill('region_type');
    await page.getByTestId('named-item-name').fill('区域类型');
    await modalOk(page).click();
    const card = page.locator('.ant-card-type-inner', { hasText: 'region_type' });
    await card.getByRole('button', { name: '添加选项' }).click();
    await page.getByTestId('named-item-key').fill('urban');
    await page.getByTestId('named-item-name').fill('城区');
    await modalOk(page).click();
    await card.getByRole('cell', { name: '城区' }).waitFor();

    await page.goto('/admin/custom-fields');
    await page.getByTestId('field-create').click();
    await page.getByTestId('field-key').fill('industry');
    await page.getByTestId('field-label').fill('所属行业');
    await modalOk(page).click();
    await page.getByRole('cell', { name: '所属行业' }).waitFor();

    await page.goto('/admin/completeness');
    await page.getByLabel('区域类型').check();
    await page.getByLabel('所属行业').check();
    await page.getByTestId('completeness-save').click();
    await page.getByText('已保存').waitFor();
    await kit.screenshot(page, 'admin-completeness');

    const admin = await kit.server.admin();
    const config = (await admin.get('/api/v1/config/completeness')).body;
    expect(config.requiredFields).toEqual(expect.arrayContaining(['classification.region_type', 'custom.industry']));

    // The new dimension and field appear in the customer form and are stored.
    await page.goto('/customers');
    await page.getByTestId('customer-create').click();
    await page.getByTestId('customer-name').fill('苏州工业园区精密制造厂');
    await page.getByLabel('所属行业').fill('制造业');
    await page.getByLabel('区域类型').click();
    await page.locator('.ant-select-item-option', { hasText: '城区' }).click();
    await modalOk(page).click();
    await page.getByTestId('customer-title').filter({ hasText: '苏州工业园区精密制造厂' }).waitFor();
    await page.getByText('制造业').waitFor();
    const found = (await admin.get(`/api/v1/customers?q=${encodeURIComponent('精密制造')}`)).body.items;
    const customer = (await admin.get(`/api/v1/customers/${found[0].id}`)).body;
    expect(customer).toMatchObject({ customFields: { industry: '制造业' }, classification: { region_type: 'urban' } });
  });
});
