/**
 * Which policy applies to an order: the first active policy in position order
 * whose non-empty match lists all contain the order's customer tier, type,
 * priority and channel. One query, the customer's tier looked up inside it.
 */
import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../lib/context.ts';
import type { SlaPoliciesTable } from './tables.ts';

export type PolicyRow = Selectable<SlaPoliciesTable>;

export interface MatchFacts {
  customerId: string;
  typeKey: string;
  priority: string;
  channel: string;
}

export async function matchPolicy(tx: Tx, f: MatchFacts): Promise<PolicyRow | null> {
  const tier = sql`(select tier from customers where id = ${f.customerId}::uuid)`;
  const row = await tx
    .selectFrom('sla_policies')
    .selectAll()
    .where('active', '=', true)
    .where(sql<boolean>`(cardinality(match_tier_keys) = 0 or ${tier} = any(match_tier_keys))`)
    .where(sql<boolean>`(cardinality(match_type_keys) = 0 or ${f.typeKey}::text = any(match_type_keys))`)
    .where(sql<boolean>`(cardinality(match_priorities) = 0 or ${f.priority}::text = any(match_priorities))`)
    .where(sql<boolean>`(cardinality(match_channels) = 0 or ${f.channel}::text = any(match_channels))`)
    .orderBy('position')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The policy for a stored order, with the order's creation time and status
 * category, in one query (the work order create runs this for every new order).
 */
export async function matchOrder(tx: Tx, workOrderId: string): Promise<{ policy: PolicyRow; createdAt: Date; statusCategory: string } | null> {
  const { rows } = await sql<PolicyRow & { order_created_at: Date; order_status_category: string }>`
    select p.*, w.created_at as order_created_at, w.status_category as order_status_category
    from work_orders w
    left join customers c on c.id = w.customer_id
    join sla_policies p on p.active
      and (cardinality(p.match_tier_keys) = 0 or c.tier = any(p.match_tier_keys))
      and (cardinality(p.match_type_keys) = 0 or w.type_key = any(p.match_type_keys))
      and (cardinality(p.match_priorities) = 0 or w.priority = any(p.match_priorities))
      and (cardinality(p.match_channels) = 0 or w.channel = any(p.match_channels))
    where w.id = ${workOrderId}::uuid
    order by p.position, p.created_at
    limit 1`.execute(tx);
  const row = rows[0];
  if (!row) return null;
  const { order_created_at, order_status_category, ...policy } = row;
  return { policy, createdAt: order_created_at, statusCategory: order_status_category };
}
