import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from '../../../test/harness.ts';
import { startServer } from '../../../test/harness.ts';
import { createCustomer, createWorkOrder, customerUser, dispatchedRepair, staff, teamId, todayAt } from '../../../test/factories.ts';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(() => server?.close());

const url = (orderId: string, rest = '') => `/api/v1/work-orders/${orderId}/repair${rest}`;
const types = async (orderId: string) =>
  (await admin.get(`/api/v1/work-orders/${orderId}/timeline`)).body.items.map((e: { type: string }) => e.type);

describe('dispatch', () => {
  it('assigns the order to a technician of its team, schedules the visit and shows it on the timeline', async () => {
    const { order, tech, repair } = await dispatchedRepair(server, admin);
    expect(repair).toMatchObject({ dispatched: true, technician: { id: tech.id }, dispatcher: { name: expect.any(String) } });
    expect(repair.visits).toHaveLength(1);
    expect(repair.visits[0]).toMatchObject({ status: 'scheduled', appointmentStart: todayAt(10), appointmentEnd: todayAt(12) });
    const wo = (await admin.get(`/api/v1/work-orders/${order.id}`)).body;
    expect(wo.assignee.id).toBe(tech.id);
    expect(wo.status.key).toBe('assigned');
    expect(await types(order.id)).toEqual(expect.arrayContaining(['workOrder.assigned', 'repair.dispatched']));
  });

  it('refuses a technician outside the team, a non-technician, a bad window, and a non-repair order; nothing written', async () => {
    const repairTeam = await teamId(admin, 'repair');
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id, { typeKey: 'repair', teamId: repairTeam });
    const outsider = await staff(server, { role: 'technician', teams: [await teamId(admin, 'service')] });
    const agent = await staff(server, { role: 'agent', teams: [repairTeam] });
    const window = { appointmentStart: todayAt(9), appointmentEnd: todayAt(10) };
    for (const technicianId of [outsider.id, agent.id]) {
      const res = await admin.post(url(order.id, '/dispatch'), { technicianId, ...window });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('REPAIR_TECHNICIAN_NOT_IN_TEAM');
    }
    const tech = await staff(server, { role: 'technician', teams: [repairTeam] });
    const backwards = await admin.post(url(order.id, '/dispatch'), { technicianId: tech.id, appointmentStart: todayAt(10), appointmentEnd: todayAt(9) });
    expect(backwards.body.error.code).toBe('REPAIR_APPOINTMENT_INVALID');
    const view = (await admin.get(url(order.id))).body;
    expect(view).toMatchObject({ dispatched: false, visits: [] });
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.assignee).toBeNull();

    const consultation = await createWorkOrder(admin, customer.id, { teamId: repairTeam });
    const wrongType = await admin.post(url(consultation.id, '/dispatch'), { technicianId: tech.id, ...window });
    expect(wrongType.status).toBe(409);
    expect(wrongType.body.error.code).toBe('REPAIR_NOT_REPAIR_ORDER');
  });

  it('lets a member of the repair team dispatch but not staff who may not assign the order', async () => {
    const repairTeam = await teamId(admin, 'repair');
    const customer = await createCustomer(admin);
    const order = await createWorkOrder(admin, customer.id, { typeKey: 'repair', teamId: repairTeam });
    const tech = await staff(server, { role: 'technician', teams: [repairTeam] });
    const window = { technicianId: tech.id, appointmentStart: todayAt(9), appointmentEnd: todayAt(10) };
    const serviceAgent = await staff(server, { role: 'agent', teams: [await teamId(admin, 'service')] });
    expect((await serviceAgent.post(url(order.id, '/dispatch'), window)).status).toBe(404);
    const member = await staff(server, { role: 'agent', teams: [repairTeam] });
    expect((await member.post(url(order.id, '/dispatch'), window)).status).toBe(200);
  });

  it('re-dispatching to another technician needs a reason and moves the scheduled visit', async () => {
    const { order, teamId: team } = await dispatchedRepair(server, admin);
    const other = await staff(server, { role: 'technician', teams: [team] });
    const body = { technicianId: other.id, appointmentStart: todayAt(14), appointmentEnd: todayAt(15) };
    const noReason = await admin.post(url(order.id, '/dispatch'), body);
    expect(noReason.body.error.code).toBe('TRANSFER_REASON_REQUIRED');
    const moved = await admin.post(url(order.id, '/dispatch'), { ...body, note: '原技术员请假' });
    expect(moved.status).toBe(200);
    expect(moved.body.visits).toHaveLength(1);
    expect(moved.body.visits[0]).toMatchObject({ technician: { id: other.id }, appointmentStart: todayAt(14) });
  });
});

describe('visits', () => {
  it('the technician departs, arrives (order goes in progress), records findings and completes', async () => {
    const { order, tech, visitId } = await dispatchedRepair(server, admin);
    const v = url(order.id, `/visits/${visitId}`);
    const departed = await tech.post(`${v}/depart`);
    expect(departed.body.visits[0]).toMatchObject({ status: 'en_route' });
    expect(departed.body.visits[0].departedAt).not.toBeNull();
    const arrived = await tech.post(`${v}/arrive`);
    expect(arrived.body.visits[0].status).toBe('on_site');
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.status.key).toBe('in_progress');
    const recorded = await tech.post(`${v}/record`, { findings: '主板电容鼓包', solution: '更换电容' });
    expect(recorded.body.visits[0]).toMatchObject({ findings: '主板电容鼓包', solution: '更换电容' });
    expect((await tech.post(`${v}/depart`)).body.error.code).toBe('REPAIR_VISIT_STATE');
    const done = await tech.post(`${v}/complete`);
    expect(done.body.visits[0].status).toBe('done');
    expect(await types(order.id)).toEqual(
      expect.arrayContaining(['repair.departed', 'repair.arrived', 'repair.visitRecorded', 'repair.visitCompleted']),
    );
  });

  it('refuses another technician (403) and a technician outside the team (404); nothing changes', async () => {
    const { order, visitId, teamId: team } = await dispatchedRepair(server, admin);
    const colleague = await staff(server, { role: 'technician', teams: [team] });
    const res = await colleague.post(url(order.id, `/visits/${visitId}/arrive`));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('REPAIR_NOT_YOUR_VISIT');
    expect((await colleague.post(url(order.id, '/quote/lines'), { custom: { name: 'x', unit: '次', category: 'other', unitPriceCents: 1 }, quantity: 1 })).status).toBe(403);
    const stranger = await staff(server, { role: 'technician', teams: [await teamId(admin, 'service')] });
    expect((await stranger.post(url(order.id, `/visits/${visitId}/arrive`))).status).toBe(404);
    expect((await admin.post(url(order.id, `/visits/${visitId}/arrive`))).body.error.code).toBe('REPAIR_NOT_YOUR_VISIT');
    expect((await admin.get(url(order.id))).body.visits[0].status).toBe('scheduled');
  });

  it('nobody home: the note left and a new appointment; the order stays open with a second visit', async () => {
    const { order, tech, visitId, customer } = await dispatchedRepair(server, admin);
    await tech.post(url(order.id, `/visits/${visitId}/depart`));
    const res = await tech.post(url(order.id, `/visits/${visitId}/nobody-home`), {
      noteLeft: '门上留了联系卡',
      nextAppointmentStart: todayAt(30),
      nextAppointmentEnd: todayAt(32),
    });
    expect(res.status).toBe(200);
    expect(res.body.visits.map((v: { status: string }) => v.status)).toEqual(['nobody_home', 'scheduled']);
    expect(res.body.visits[0].noteLeft).toBe('门上留了联系卡');
    expect(res.body.visits[1].appointmentStart).toBe(todayAt(30));
    expect((await admin.get(`/api/v1/work-orders/${order.id}`)).body.statusCategory).toBe('open');

    // The customer sees the appointment and the note on their timeline, but no materials.
    const portal = await customerUser(server, customer.id);
    const timeline = (await portal.get(`/api/v1/work-orders/${order.id}/timeline`)).body.items;
    expect(timeline.find((e: { type: string }) => e.type === 'repair.nobodyHome').data).toMatchObject({ noteLeft: '门上留了联系卡' });
    expect(timeline.some((e: { type: string }) => e.type === 'repair.dispatchNote')).toBe(false);
    expect((await portal.get(url(order.id))).body).toMatchObject({ dispatcher: null, materials: [] });
  });
});

describe("today's visits", () => {
  it('lists the technician’s visits of today in appointment order with customer, address, phone and asset', async () => {
    const repairTeam = await teamId(admin, 'repair');
    const tech = await staff(server, { role: 'technician', teams: [repairTeam] });
    const late = await dispatchedRepair(server, admin, { tech, startHour: 15 });
    const early = await dispatchedRepair(server, admin, { tech, startHour: 9 });
    await dispatchedRepair(server, admin, { tech, startHour: 24 + 9 }); // tomorrow
    const res = await tech.get('/api/v1/repair/visits/today');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { workOrderId: string }) => i.workOrderId)).toEqual([early.order.id, late.order.id]);
    expect(res.body.items[0]).toMatchObject({
      status: 'scheduled',
      customer: { name: early.customer.name },
      contact: { phone: '13800138000' },
      asset: { model: 'X-100' },
    });
    expect(res.body.items[0].customer.address).toContain('文三路 1 号');

    const other = await staff(server, { role: 'technician', teams: [repairTeam] });
    expect((await other.get(`/api/v1/repair/visits/today?technicianId=${tech.id}`)).status).toBe(403);
    expect((await admin.get(`/api/v1/repair/visits/today?technicianId=${tech.id}`)).body.items).toHaveLength(2);
  });
});
