/** The work order as rule conditions see it: its fields plus its customer's tier and classification. */
import type { Tx } from '../../lib/context.ts';

export interface OrderFacts {
  id: string;
  number: string;
  subject: string;
  description: string;
  typeKey: string;
  priority: string;
  channel: string;
  status: string;
  statusCategory: string;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  customerTier: string | null;
  classification: Record<string, string>;
  createdBy: 'customer' | 'staff';
}

/** One query; null when the order does not exist. */
export async function loadFacts(tx: Tx, workOrderId: string): Promise<OrderFacts | null> {
  const row = await tx
    .selectFrom('work_orders as wo')
    .innerJoin('customers as c', 'c.id', 'wo.customer_id')
    .leftJoin('users as u', 'u.id', 'wo.created_by')
    .select([
      'wo.id', 'wo.number', 'wo.subject', 'wo.description', 'wo.type_key', 'wo.priority', 'wo.channel', 'wo.status',
      'wo.status_category', 'wo.team_id', 'wo.assignee_id', 'wo.tags', 'c.tier', 'c.classification', 'u.role',
    ])
    .where('wo.id', '=', workOrderId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    description: row.description,
    typeKey: row.type_key,
    priority: row.priority,
    channel: row.channel,
    status: row.status,
    statusCategory: row.status_category,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    tags: row.tags,
    customerTier: row.tier,
    classification: row.classification ?? {},
    createdBy: row.role === 'customer' ? 'customer' : 'staff',
  };
}
