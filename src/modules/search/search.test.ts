import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, createCustomer, createWorkOrder, customerUser, staff, teamId } from '../../../test/factories.ts';
import { startServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe('quick search', () => {
  it('finds customers by partial Chinese name, phone suffix and email, and their work orders', async () => {
    const admin = await server.admin();
    const customer = await createCustomer(admin, { name: '宁波港湾物流有限公司', email: 'it@gangwan-logistics.cn' });
    await createContact(admin, customer.id, { name: '陈静', phones: ['139 5741 2468'] });
    const order = await createWorkOrder(admin, customer.id, { subject: '叉车电池无法充电' });

    const byName = await admin.get(`/api/v1/search?q=${encodeURIComponent('港湾')}`);
    expect(byName.status).toBe(200);
    expect(byName.body.customers.map((c: { id: string }) => c.id)).toContain(customer.id);
    expect(byName.body.workOrders.map((w: { id: string }) => w.id)).toContain(order.id);

    const oneChar = await admin.get(`/api/v1/search?q=${encodeURIComponent('湾')}`);
    expect(oneChar.body.customers.map((c: { id: string }) => c.id)).toContain(customer.id);

    const byPhone = await admin.get('/api/v1/search?q=2468');
    expect(byPhone.body.customers.map((c: { id: string }) => c.id)).toContain(customer.id);

    const byEmail = await admin.get('/api/v1/search?q=it@gangwan-logistics.cn');
    expect(byEmail.body.customers.map((c: { id: string }) => c.id)).toEqual([customer.id]);

    const byNumber = await admin.get(`/api/v1/search?q=${order.number}`);
    expect(byNumber.body.workOrders.map((w: { id: string }) => w.id)).toEqual([order.id]);

    const bySubject = await admin.get(`/api/v1/search?q=${encodeURIComponent('电池')}`);
    expect(bySubject.body.workOrders.map((w: { id: string }) => w.id)).toContain(order.id);
  });

  it('shows a customer user only their own organisation and its orders', async () => {
    const admin = await server.admin();
    const mine = await createCustomer(admin, { name: '绍兴纺织机械厂' });
    const other = await createCustomer(admin, { name: '绍兴纺织印染厂' });
    const myOrder = await createWorkOrder(admin, mine.id, { subject: '纺织机械异响' });
    const otherOrder = await createWorkOrder(admin, other.id, { subject: '纺织印染设备漏水' });
    const portal = await customerUser(server, mine.id);

    const res = await portal.get(`/api/v1/search?q=${encodeURIComponent('纺织')}`);
    expect(res.status).toBe(200);
    expect(res.body.customers.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    const orders = res.body.workOrders.map((w: { id: string }) => w.id);
    expect(orders).toContain(myOrder.id);
    expect(orders).not.toContain(otherOrder.id);

    const byNumber = await portal.get(`/api/v1/search?q=${otherOrder.number}`);
    expect(byNumber.body.workOrders).toEqual([]);
  });

  it("hides other teams' work orders from an agent, exactly as the queue does", async () => {
    const admin = await server.admin();
    const service = await teamId(admin, 'service');
    const repair = await teamId(admin, 'repair');
    const customer = await createCustomer(admin, { name: '嘉兴光伏电站' });
    const repairOrder = await createWorkOrder(admin, customer.id, { subject: '逆变器告警', typeKey: 'repair', teamId: repair });
    const agent = await staff(server, { teams: [service] });

    const res = await agent.get(`/api/v1/search?q=${encodeURIComponent('逆变器')}`);
    expect(res.body.workOrders.map((w: { id: string }) => w.id)).not.toContain(repairOrder.id);
    const list = await agent.get(`/api/v1/work-orders?view=all&q=${encodeURIComponent('逆变器')}`);
    expect(list.body.items.map((w: { id: string }) => w.id)).not.toContain(repairOrder.id);

    const technician = await staff(server, { role: 'technician', teams: [repair] });
    const seen = await technician.get(`/api/v1/search?q=${encodeURIComponent('逆变器')}`);
    expect(seen.body.workOrders.map((w: { id: string }) => w.id)).toContain(repairOrder.id);
  });

  it('refuses an empty or overlong query with a code', async () => {
    const admin = await server.admin();
    expect((await admin.get('/api/v1/search?q=')).body.error.code).toBe('VALIDATION_FAILED');
    expect((await admin.get(`/api/v1/search?q=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await server.client().get('/api/v1/search?q=abc')).status).toBe(401);
  });
});
