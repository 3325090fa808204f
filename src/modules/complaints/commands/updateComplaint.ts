/** Register fields, root cause and the responsibility decision of a complaint. */
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, invalid } from '../../../lib/errors.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { can } from '../policy.ts';
import { presentComplaint } from '../present.ts';
import type { ComplaintView, UpdateComplaintBody } from '../schema.ts';
import { firstReplyDue, loadComplaintSettings } from '../settings.ts';
import { loadComplaint } from './loadComplaint.ts';

export async function updateComplaint(ctx: Ctx, workOrderId: string, input: UpdateComplaintBody): Promise<ComplaintView> {
  const { order, complaint } = await loadComplaint(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'edit', order)) throw forbidden();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : undefined;
  if (receivedAt && receivedAt.getTime() > Date.now() + 60_000) throw invalid({ field: 'receivedAt', reason: 'in the future' });
  const before = {
    complainantName: complaint.complainant_name,
    complainantContact: complaint.complainant_contact,
    receivedVia: complaint.received_via,
    receivedAt: complaint.received_at.toISOString(),
    content: complaint.content,
    rootCause: complaint.root_cause,
  };
  const after = { ...before, ...input, ...(receivedAt ? { receivedAt: receivedAt.toISOString() } : {}) };
  const changes = diff(before, after);
  if (!changes) return presentComplaint(ctx, order, complaint);
  // A corrected receipt time moves the deadline with it, measured with today's setting.
  const due = receivedAt ? firstReplyDue(receivedAt, (await loadComplaintSettings(ctx.tx)).firstReplyHours) : undefined;
  const row = await ctx.tx
    .updateTable('complaints')
    .set({
      complainant_name: after.complainantName,
      complainant_contact: after.complainantContact,
      received_via: after.receivedVia,
      content: after.content,
      root_cause: after.rootCause,
      ...(receivedAt && due ? { received_at: receivedAt, first_reply_due_at: due } : {}),
      updated_at: new Date(),
    })
    .where('work_order_id', '=', order.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, { subjectType: 'work_order', subjectId: order.id, type: 'complaint.updated', data: changes });
  return presentComplaint(ctx, order, row);
}

export async function decideResponsibility(
  ctx: Ctx,
  workOrderId: string,
  input: { companyAtFault: boolean; explanation?: string },
): Promise<ComplaintView> {
  const { order, complaint } = await loadComplaint(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'edit', order)) throw forbidden();
  const explanation = input.explanation ?? '';
  if (!input.companyAtFault && !explanation) throw invalid({ field: 'explanation' }, 'COMPLAINT_EXPLANATION_REQUIRED');
  const row = await ctx.tx
    .updateTable('complaints')
    .set({ company_at_fault: input.companyAtFault, responsibility_explanation: explanation, updated_at: new Date() })
    .where('work_order_id', '=', order.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: order.id,
    type: 'complaint.responsibilityDecided',
    data: {
      before: { companyAtFault: complaint.company_at_fault, explanation: complaint.responsibility_explanation },
      after: { companyAtFault: input.companyAtFault, explanation },
    },
  });
  return presentComplaint(ctx, order, row);
}
