/** Complaint rows → views: the whole record for staff, a reduced one for the customer. */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import { serviceDay } from '../../lib/serviceDay.ts';
import type { WorkOrdersTable } from '../workOrders/tables.ts';
import { earlierComplaints } from './commands/loadComplaint.ts';
import { type ComplaintAction, can, canUpdateAction } from './policy.ts';
import type { ActionView, ComplaintView } from './schema.ts';
import { complaintReplyDue } from '../sla/complaintDue.ts';
import { loadComplaintSettings } from './settings.ts';
import type { ComplaintsTable } from './tables.ts';

type Order = Selectable<WorkOrdersTable>;

export function firstReplyState(dueAt: Date, repliedAt: Date | null, now = new Date()): ComplaintView['firstReply'] {
  const seconds = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 1000);
  const base = { dueAt: dueAt.toISOString(), repliedAt: repliedAt?.toISOString() ?? null };
  if (repliedAt) {
    return repliedAt <= dueAt
      ? { ...base, state: 'met', seconds: seconds(repliedAt, dueAt) }
      : { ...base, state: 'overdue', seconds: seconds(dueAt, repliedAt) };
  }
  return now < dueAt ? { ...base, state: 'due', seconds: seconds(now, dueAt) } : { ...base, state: 'overdue', seconds: seconds(dueAt, now) };
}

export async function loadActionViews(ctx: Ctx, order: Order): Promise<ActionView[]> {
  const rows = await ctx.tx
    .selectFrom('complaint_actions as a')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .selectAll('a')
    .select('u.display_name as owner_name')
    .where('a.work_order_id', '=', order.id)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  const today = serviceDay();
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    description: a.description,
    owner: { id: a.owner_id, displayName: a.owner_name },
    dueOn: a.due_on,
    status: a.status,
    overdue: (a.status === 'open' || a.status === 'in_progress') && a.due_on < today,
    canUpdate: canUpdateAction(ctx.actor, order, a),
  }));
}

export async function presentComplaint(ctx: Ctx, order: Order, c: Selectable<ComplaintsTable>): Promise<ComplaintView> {
  const may = (action: ComplaintAction) => can(ctx.actor, action, order);
  const open = order.status_category !== 'closed';
  const view: ComplaintView = {
    workOrderId: order.id,
    number: order.number,
    complainantName: c.complainant_name,
    complainantContact: c.complainant_contact,
    receivedVia: c.received_via,
    receivedAt: c.received_at.toISOString(),
    content: c.content,
    // The SLA clock's due time when it runs (it may have moved since the row was read); the stored one otherwise.
    firstReply: firstReplyState((await complaintReplyDue(ctx.tx, order.id)) ?? c.first_reply_due_at, order.first_responded_at),
    responsibility:
      c.company_at_fault === null ? null : { companyAtFault: c.company_at_fault, explanation: c.responsibility_explanation },
    verified: c.verification_effective === true,
    finalReply: c.final_reply && c.final_replied_at ? { body: c.final_reply, repliedAt: c.final_replied_at.toISOString() } : null,
    satisfaction: c.satisfaction_score === null ? null : { score: c.satisfaction_score, comment: c.satisfaction_comment },
    abilities: { edit: may('edit') && open, verify: may('verify') && open, rate: may('rate'), addAction: may('edit') && open },
  };
  if (!may('seeInternal')) return view;
  const settings = await loadComplaintSettings(ctx.tx);
  const earlier = await earlierComplaints(ctx, order, settings.repeatWindowMonths);
  return {
    ...view,
    rootCause: c.root_cause,
    actions: await loadActionViews(ctx, order),
    verification:
      c.verified_at === null || c.verification_effective === null
        ? null
        : { effective: c.verification_effective, notes: c.verification_notes, verifiedAt: c.verified_at.toISOString(), verifiedBy: c.verified_by },
    repeat: earlier.length > 0,
    earlierComplaints: earlier.map((e) => ({ id: e.id, number: e.number, createdAt: e.created_at.toISOString() })),
  };
}
