/**
 * Complaint settings: hours until the first reply is due and the window in which
 * an earlier complaint on the same customer and asset makes a new one a repeat.
 * The first-reply hours apply only to complaint orders whose SLA policy has no
 * complaint-reply target; otherwise that clock's due time is the deadline
 * (src/modules/sla/complaintDue.ts).
 */
import type { Tx } from '../../lib/context.ts';

export const FIRST_REPLY_HOURS = 'complaints.firstReplyHours';
export const REPEAT_WINDOW_MONTHS = 'complaints.repeatWindowMonths';

export interface ComplaintSettings {
  firstReplyHours: number;
  repeatWindowMonths: number;
}

export async function loadComplaintSettings(tx: Tx): Promise<ComplaintSettings> {
  const rows = await tx.selectFrom('settings').select(['key', 'value']).where('key', 'in', [FIRST_REPLY_HOURS, REPEAT_WINDOW_MONTHS]).execute();
  const value = (key: string, fallback: number) => {
    const v = rows.find((r) => r.key === key)?.value;
    return typeof v === 'number' && v > 0 ? v : fallback;
  };
  return { firstReplyHours: value(FIRST_REPLY_HOURS, 24), repeatWindowMonths: value(REPEAT_WINDOW_MONTHS, 12) };
}

export function firstReplyDue(receivedAt: Date, hours: number): Date {
  return new Date(receivedAt.getTime() + hours * 3600_000);
}
