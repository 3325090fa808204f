/**
 * A technician on site, on a phone: finds the repair assigned to them in the
 * workspace, opens it, writes a note, and moves it on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createWorkOrder, teamId } from '../test/factories.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const TECH = { username: 'zhao.gong', password: 'tech-password-1', displayName: '赵工' };

describe.skipIf(!hasChromium)('technician on a phone', () => {
  let kit: BrowserKit;
  let orderId: string;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    const repair = await teamId(admin, 'repair');
    const tech = await admin.post('/api/v1/users', { ...TECH, role: 'technician', teamIds: [repair] });
    expect(tech.status).toBe(201);
    const customer = await createCustomer(admin, { name: '温州瓯江水务' });
    const order = await createWorkOrder(admin, customer.id, {
      typeKey: 'repair',
      subject: '二号泵站水泵异响',
      teamId: repair,
      assigneeId: tech.body.id,
    });
    orderId = order.id;
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('opens the assigned repair from the workspace and moves it on', async () => {
    const page = await kit.newPage({ phone: true });
    await logIn(page, TECH.username, TECH.password);
    await page.waitForURL('**/workspace');
    await page.getByTestId('queue-mine').getByText('二号泵站水泵异响').waitFor();
    await kit.screenshot(page, 'phone-workspace');

    await page
      .getByTestId('queue-mine')
      .getByRole('link', { name: /二号泵站水泵异响/ })
      .click();
    await page.waitForURL(`**/work-orders/${orderId}`);
    await page.getByTestId('reply-body').fill('已到现场，轴承磨损');
    await page.locator('.ant-segmented-item', { hasText: '内部备注' }).click();
    await page.getByTestId('reply-send').click();
    await page.getByTestId('timeline').getByText('已到现场，轴承磨损').waitFor();

    // A photo from the site: stored, listed and previewed on the work order.
    await page.locator('input[type=file]').setInputFiles({ name: 'pump.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
    await page.getByRole('link', { name: 'pump.png' }).waitFor();
    await page.locator('img[alt="pump.png"]').waitFor();

    await page.getByRole('button', { name: /^转为/ }).first().click();
    await page.getByTestId('timeline').getByText('将状态从').waitFor();
    await kit.screenshot(page, 'phone-work-order');

    const admin = await kit.server.admin();
    const timeline = (await admin.get(`/api/v1/work-orders/${orderId}/timeline`)).body.items;
    expect(timeline.find((item: { type: string }) => item.type === 'workOrder.noted')).toMatchObject({
      public: false,
      data: { body: '已到现场，轴承磨损' },
      actor: { displayName: TECH.displayName },
    });
  });
});
