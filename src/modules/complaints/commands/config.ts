/** Complaint settings: staff read them, administrators change them. */
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, notFound } from '../../../lib/errors.ts';
import { CONFIG_SUBJECT_ID } from '../../classification/policy.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { type ComplaintSettings, FIRST_REPLY_HOURS, loadComplaintSettings, REPEAT_WINDOW_MONTHS } from '../settings.ts';

export async function getComplaintConfig(ctx: Ctx): Promise<ComplaintSettings> {
  if (ctx.actor.role === 'customer') throw notFound();
  return loadComplaintSettings(ctx.tx);
}

export async function setComplaintConfig(ctx: Ctx, input: ComplaintSettings): Promise<ComplaintSettings> {
  if (ctx.actor.role !== 'admin') throw forbidden();
  const before = await loadComplaintSettings(ctx.tx);
  const now = new Date();
  for (const [key, value] of [
    [FIRST_REPLY_HOURS, input.firstReplyHours],
    [REPEAT_WINDOW_MONTHS, input.repeatWindowMonths],
  ] as const) {
    await ctx.tx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
      .execute();
  }
  const changes = diff({ ...before }, { ...input });
  if (changes) {
    await recordEvent(ctx, {
      subjectType: 'config',
      subjectId: CONFIG_SUBJECT_ID,
      type: 'config.complaintsChanged',
      data: { entity: 'setting', entityId: 'complaints', ...changes },
    });
  }
  return loadComplaintSettings(ctx.tx);
}
