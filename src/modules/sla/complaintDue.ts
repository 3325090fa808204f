/**
 * One first-reply deadline for complaints: when the order's SLA policy has a
 * complaint-reply target, its clock's due time is the deadline the complaint
 * record shows (the clock writes it into complaints.first_reply_due_at whenever
 * it moves); the complaint setting's hours apply only to orders without one.
 */
import { sql } from 'kysely';
import type { Tx } from '../../lib/context.ts';

/** The complaint-reply clock's due time; null without such a clock or while it is paused. */
export async function complaintReplyDue(tx: Tx, workOrderId: string): Promise<Date | null> {
  const row = await tx
    .selectFrom('work_order_sla_clocks')
    .select('due_at')
    .where('work_order_id', '=', workOrderId)
    .where('clock', '=', 'complaintReply')
    .where('superseded_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.due_at ?? null;
}

/** Keeps the complaint record's deadline equal to the clock's (no-op before the record exists). */
export async function syncComplaintDue(tx: Tx, workOrderId: string, dueAt: Date): Promise<void> {
  await sql`update complaints set first_reply_due_at = ${dueAt} where work_order_id = ${workOrderId}::uuid and first_reply_due_at <> ${dueAt}`.execute(tx);
}
