/**
 * Without an SMS gateway (no KEFU_SMS_WEBHOOK_URL) the technician's phone says
 * plainly that the confirmation code was recorded but not sent, instead of
 * letting them wait for an SMS that will never come.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, createCustomer, createWorkOrder, teamId, todayAt } from '../test/factories.ts';
import { type BrowserKit, CHROMIUM, hasChromium, logIn, startBrowserKit } from './browser.ts';

if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM}`);

const TECH = { username: 'zheng.gong', password: 'tech-password-3', displayName: '郑工' };

describe.skipIf(!hasChromium)('acceptance code without an SMS gateway', () => {
  let kit: BrowserKit;
  let orderId: string;
  beforeAll(async () => {
    kit = await startBrowserKit();
    const admin = await kit.server.admin();
    const repair = await teamId(admin, 'repair');
    const tech = await admin.post('/api/v1/users', { ...TECH, role: 'technician', teamIds: [repair] });
    const customer = await createCustomer(admin, { name: '嘉兴电梯维保中心', address: '南湖区 8 号' });
    const contact = await createContact(admin, customer.id, { name: '冯主任', phones: ['13700002222'] });
    orderId = (await createWorkOrder(admin, customer.id, { typeKey: 'repair', subject: '扶梯异响', teamId: repair, contactId: contact.id })).id;
    const res = await admin.post(`/api/v1/work-orders/${orderId}/repair/dispatch`, { technicianId: tech.body.id, appointmentStart: todayAt(9), appointmentEnd: todayAt(10) });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('says the code was recorded but not sent', async () => {
    const page = await kit.newPage({ phone: true });
    await logIn(page, TECH.username, TECH.password);
    await page.waitForURL('**/workspace');
    await page.goto(`/technician/${orderId}`);
    await page.getByTestId('arrive').click();
    await page.getByTestId('visit-status').getByText('已到场').waitFor();
    await page.getByTestId('code-send').click();
    await page.getByTestId('code-sms-status').filter({ hasText: '确认码已生成，但短信没有发出：系统未配置短信网关' }).waitFor();
    await kit.screenshot(page, 'phone-code-no-sms-gateway');

    const admin = await kit.server.admin();
    const messages = (await admin.get(`/api/v1/work-orders/${orderId}/outbound-messages`)).body.items;
    expect(messages).toEqual([expect.objectContaining({ status: 'queued', reason: 'NO_GATEWAY', recipient: '*******2222' })]);
  });
});
