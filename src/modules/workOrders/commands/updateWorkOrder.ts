/** Editing a work order's fields (staff only); the event carries field-level before/after. */
import type { Ctx } from '../../../lib/context.ts';
import { codeTokens, textTokens, toTsVector } from '../../../lib/search.ts';
import { mergeCustomFields } from '../../customFields/validate.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { loadVisibleWorkOrder } from '../policy.ts';
import { presentDetail } from '../present.ts';
import type { UpdateWorkOrderBody, WorkOrderView } from '../schema.ts';
import { authorize, checkBelongsToCustomer } from './checks.ts';

export async function updateWorkOrder(ctx: Ctx, id: string, input: UpdateWorkOrderBody): Promise<WorkOrderView> {
  const before = await loadVisibleWorkOrder(ctx, id, { forUpdate: true });
  authorize(ctx, 'edit', before);
  await checkBelongsToCustomer(ctx, before.customer_id, input);
  const customFields = input.customFields
    ? await mergeCustomFields(ctx.tx, 'work_order', input.customFields, before.custom_fields)
    : before.custom_fields;
  const after = {
    subject: input.subject ?? before.subject,
    description: input.description ?? before.description,
    priority: input.priority ?? before.priority,
    contact_id: input.contactId === undefined ? before.contact_id : input.contactId,
    asset_id: input.assetId === undefined ? before.asset_id : input.assetId,
    tags: input.tags ? [...new Set(input.tags)] : before.tags,
    due_at: input.dueAt === undefined ? before.due_at : input.dueAt === null ? null : new Date(input.dueAt),
  };
  const change = diff(
    { ...before, due_at: before.due_at?.toISOString() ?? null, custom_fields: before.custom_fields },
    { ...after, due_at: after.due_at?.toISOString() ?? null, custom_fields: customFields },
  );
  if (!change) return presentDetail(ctx, before);

  const textChanged = after.subject !== before.subject || after.description !== before.description;
  const row = await ctx.tx
    .updateTable('work_orders')
    .set({
      ...after,
      custom_fields: JSON.stringify(customFields),
      updated_at: new Date(),
      ...(textChanged
        ? { search: toTsVector([...codeTokens(before.number), ...textTokens(after.subject, after.description)]) }
        : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, { subjectType: 'work_order', subjectId: id, type: 'workOrder.updated', data: change });
  return presentDetail(ctx, row);
}
