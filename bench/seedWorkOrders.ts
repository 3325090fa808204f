/**
 * Bulk-seeds work orders spread over the past year, with statuses that age the way
 * a real queue does (recent ones open, old ones closed), a created event each, their
 * SLA clocks (seedSla.ts), and the day counters that keep their numbers unique. Seeded days end two days ago,
 * so numbers the API hands out today never meet a seeded one, whatever time zone
 * the numbering uses.
 */
import crypto from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { codeTokens, textTokens, toTsVector } from '../src/lib/search.ts';
import type { Channel, Priority, StatusCategory } from '../src/modules/workOrders/tables.ts';
import { int, pick, type Random, workOrderText } from './corpus.ts';
import type { SeededCustomer } from './seedCustomers.ts';
import { type SlaHistory, slaHistory } from './seedSla.ts';

const BATCH = 400;
const DAY_MS = 86_400_000;
const CHANNELS: Channel[] = ['phone', 'phone', 'phone', 'phone', 'email', 'portal', 'chat', 'visit', 'monitoring', 'api'];
const PRIORITIES: Priority[] = ['normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'high', 'high', 'low', 'urgent'];
const CATEGORY: Record<string, StatusCategory> = {
  new: 'new',
  assigned: 'open',
  in_progress: 'open',
  waiting_customer: 'pending',
  resolved: 'resolved',
  closed: 'closed',
};

export interface Staff {
  /** Users who take calls and create orders (created_by, first-contact owner). */
  desk: string[];
  /** Handlers per team id. */
  handlers: Map<string, string[]>;
  /** Team id per work order type (the type's default team). */
  teamOfType: Map<string, string>;
  allTeams: string[];
}

/** What the tokens of an API-created work order are made of (number, subject, description). */
export function workOrderTokens(number: string, subject: string, description: string): string[] {
  return [...codeTokens(number), ...textTokens(subject, description)];
}

function statusFor(random: Random, ageDays: number): string {
  const r = random();
  if (ageDays < 7) return r < 0.3 ? 'new' : r < 0.55 ? 'assigned' : r < 0.8 ? 'in_progress' : r < 0.9 ? 'waiting_customer' : 'resolved';
  if (ageDays < 30) return r < 0.05 ? 'new' : r < 0.2 ? 'in_progress' : r < 0.3 ? 'waiting_customer' : r < 0.55 ? 'resolved' : 'closed';
  return r < 0.01 ? 'in_progress' : r < 0.02 ? 'waiting_customer' : r < 0.1 ? 'resolved' : 'closed';
}

function ymd(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Seeds `count` orders; returns a sample of numbers for search queries. */
export async function seedWorkOrders(
  db: Kysely<DB>,
  random: Random,
  count: number,
  customers: SeededCustomer[],
  staff: Staff,
): Promise<string[]> {
  const now = Date.now();
  // Sorted creation times give each day's numbers in time order.
  const times = Array.from({ length: count }, () => now - 2 * DAY_MS - Math.floor(random() * 364 * DAY_MS)).sort((a, b) => a - b);
  const perDay = new Map<string, number>();
  const sample: string[] = [];
  const defaultPolicy = await db
    .selectFrom('sla_policies')
    .select('id')
    .where('active', '=', true)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  for (let start = 0; start < count; start += BATCH) {
    const orders: Insertable<DB['work_orders']>[] = [];
    const events: Insertable<DB['events']>[] = [];
    const clocks: SlaHistory['clocks'] = [];
    const slaEvents: SlaHistory['events'] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const createdAt = new Date(times[i]!);
      const day = ymd(createdAt);
      const seq = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, seq);
      const number = `GD${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;
      if (i % Math.max(1, Math.floor(count / 50)) === 0) sample.push(number);
      const text = workOrderText(random);
      const ageDays = (now - times[i]!) / DAY_MS;
      const status = statusFor(random, ageDays);
      const category = CATEGORY[status]!;
      const teamId = random() < 0.1 ? pick(random, staff.allTeams) : staff.teamOfType.get(text.type)!;
      const handlers = staff.handlers.get(teamId) ?? [];
      const assigneeId = category === 'new' || handlers.length === 0 ? null : pick(random, handlers);
      const desk = pick(random, staff.desk);
      const customer = pick(random, customers);
      const id = crypto.randomUUID();
      const responded = category === 'new' ? null : new Date(times[i]! + int(random, 5, 240) * 60_000);
      const resolvedAt = category === 'resolved' || category === 'closed' ? new Date(times[i]! + int(random, 1, 72) * 3_600_000) : null;
      const sla = slaHistory({ id, createdAt, respondedAt: responded, resolvedAt }, defaultPolicy.id, now);
      clocks.push(...sla.clocks);
      slaEvents.push(...sla.events);
      orders.push({
        id,
        number,
        type_key: text.type,
        channel: pick(random, CHANNELS),
        subject: text.subject,
        description: text.description,
        customer_id: customer.id,
        contact_id: pick(random, customer.contacts).id,
        priority: pick(random, PRIORITIES),
        status,
        status_category: category,
        team_id: teamId,
        assignee_id: assigneeId,
        first_contact_id: desk,
        created_by: desk,
        tags: random() < 0.1 ? ['VIP'] : random() < 0.1 ? ['保修内'] : [],
        custom_fields: '{}',
        first_responded_at: responded,
        resolved_at: resolvedAt,
        closed_at: category === 'closed' && resolvedAt ? new Date(resolvedAt.getTime() + DAY_MS) : null,
        search: toTsVector(workOrderTokens(number, text.subject, text.description)),
        sla_due_at: sla.dueAt,
        sla_state: sla.state,
        created_at: createdAt,
        updated_at: resolvedAt ?? responded ?? createdAt,
      });
      events.push({
        occurred_at: createdAt,
        actor_id: desk,
        subject_type: 'work_order',
        subject_id: id,
        type: 'workOrder.created',
        data: JSON.stringify({ number, seeded: true }),
      });
    }
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('work_orders').values(orders).execute();
      await tx.insertInto('events').values(events).execute();
      await tx.insertInto('work_order_sla_clocks').values(clocks).execute();
      await tx.insertInto('sla_events').values(slaEvents).execute();
    });
  }
  const counters = [...perDay].map(([day, last]) => ({ day, last }));
  for (let i = 0; i < counters.length; i += BATCH) {
    await db
      .insertInto('work_order_counters')
      .values(counters.slice(i, i + BATCH))
      .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb.fn('greatest', ['work_order_counters.last', 'excluded.last']) })))
      .execute();
  }
  return sample;
}
