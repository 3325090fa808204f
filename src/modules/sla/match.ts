/**
 * Which policy applies to an order: the first active policy in position order
 * whose non-empty match lists all contain the order's customer tier, type,
 * priority and channel. One query, the customer's tier looked up inside it.
 * (A new order is matched from the cached policies by the same rule: newOrder.ts.)
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
