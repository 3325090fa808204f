/**
 * SLA policies: staff read them, administrators create, edit, archive (active:
 * false) and reorder them. Every change is an audit event. Policies are checked
 * as a whole (one target per clock, escalations only for clocks with a target,
 * known tiers/types/channels and calendar) so a bad policy never reaches an order.
 */
import { sql, type Selectable } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { CONFIG_SUBJECT_ID } from '../../classification/policy.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { CHANNELS } from '../../workOrders/schema.ts';
import type { CreatePolicyBody, SlaPolicyView, UpdatePolicyBody } from '../schema.ts';
import type { Escalation, SlaPoliciesTable, Target } from '../tables.ts';
import '../messages.ts';

type Row = Selectable<SlaPoliciesTable>;

export function presentPolicy(row: Row): SlaPolicyView {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    active: row.active,
    calendarId: row.calendar_id,
    match: { tierIds: row.match_tier_keys, typeKeys: row.match_type_keys, priorities: row.match_priorities, channels: row.match_channels },
    targets: row.targets,
    escalations: row.escalations,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function requireAdmin(ctx: Ctx): void {
  if (ctx.actor.role !== 'admin') throw forbidden();
}

export async function listPolicies(ctx: Ctx): Promise<{ items: SlaPolicyView[] }> {
  if (ctx.actor.role === 'customer') throw notFound();
  const rows = await ctx.tx.selectFrom('sla_policies').selectAll().orderBy('position').orderBy('created_at').execute();
  return { items: rows.map(presentPolicy) };
}

interface Match {
  tierIds: string[];
  typeKeys: string[];
  priorities: string[];
  channels: string[];
}

/** The whole policy must hold together; each problem has its own code and field. */
async function checkPolicy(ctx: Ctx, p: { calendarId: string | null; match: Match; targets: Target[]; escalations: Escalation[] }) {
  const clocks = p.targets.map((t) => t.clock);
  const duplicate = clocks.find((c, i) => clocks.indexOf(c) !== i);
  if (duplicate) throw invalid({ field: 'targets', clock: duplicate }, 'SLA_TARGET_DUPLICATE');
  const steps = new Set<string>();
  for (const e of p.escalations) {
    if (!clocks.includes(e.clock)) throw invalid({ field: 'escalations', clock: e.clock }, 'SLA_ESCALATION_WITHOUT_TARGET');
    const key = `${e.clock}:${e.atPercent}`;
    if (steps.has(key)) throw invalid({ field: 'escalations', clock: e.clock, atPercent: e.atPercent }, 'SLA_ESCALATION_DUPLICATE');
    steps.add(key);
  }
  const badChannel = p.match.channels.find((c) => !(CHANNELS as readonly string[]).includes(c));
  if (badChannel) throw invalid({ field: 'match.channels', value: badChannel }, 'SLA_MATCH_UNKNOWN');
  const [tiers, types, calendar] = await Promise.all([
    p.match.tierIds.length ? ctx.tx.selectFrom('service_tiers').select('key').where('key', 'in', p.match.tierIds).execute() : [],
    p.match.typeKeys.length ? ctx.tx.selectFrom('work_order_types').select('key').where('key', 'in', p.match.typeKeys).execute() : [],
    p.calendarId
      ? ctx.tx.selectFrom('business_calendars').select('id').where('id', '=', p.calendarId).where('archived_at', 'is', null).executeTakeFirst()
      : null,
  ]);
  const badTier = p.match.tierIds.find((k) => !tiers.some((t) => t.key === k));
  if (badTier) throw invalid({ field: 'match.tierIds', value: badTier }, 'SLA_MATCH_UNKNOWN');
  const badType = p.match.typeKeys.find((k) => !types.some((t) => t.key === k));
  if (badType) throw invalid({ field: 'match.typeKeys', value: badType }, 'SLA_MATCH_UNKNOWN');
  if (p.calendarId && !calendar) throw invalid({ field: 'calendarId' }, 'SLA_CALENDAR_UNKNOWN');
}

const uniq = (values: string[] | undefined) => [...new Set(values ?? [])];

function fullMatch(m: Partial<Match> | undefined, base?: Match): Match {
  return {
    tierIds: uniq(m?.tierIds ?? base?.tierIds),
    typeKeys: uniq(m?.typeKeys ?? base?.typeKeys),
    priorities: uniq(m?.priorities ?? base?.priorities),
    channels: uniq(m?.channels ?? base?.channels),
  };
}

export async function createPolicy(ctx: Ctx, input: CreatePolicyBody): Promise<SlaPolicyView> {
  requireAdmin(ctx);
  const match = fullMatch(input.match);
  await checkPolicy(ctx, { calendarId: input.calendarId, match, targets: input.targets, escalations: input.escalations });
  // New policies go last: more specific ones are moved up explicitly.
  const last = await ctx.tx.selectFrom('sla_policies').select(sql<number>`coalesce(max(position), 0)`.as('p')).executeTakeFirstOrThrow();
  const row = await ctx.tx
    .insertInto('sla_policies')
    .values({
      name: input.name,
      position: Number(last.p) + 1,
      active: input.active,
      calendar_id: input.calendarId,
      match_tier_keys: match.tierIds,
      match_type_keys: match.typeKeys,
      match_priorities: match.priorities,
      match_channels: match.channels,
      targets: JSON.stringify(input.targets),
      escalations: JSON.stringify(input.escalations),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = presentPolicy(row);
  await recordEvent(ctx, {
    subjectType: 'config',
    subjectId: CONFIG_SUBJECT_ID,
    type: 'config.slaPolicyCreated',
    data: { entity: 'slaPolicy', entityId: row.id, after: { name: view.name, match: view.match, targets: view.targets, escalations: view.escalations } },
  });
  return view;
}

export async function updatePolicy(ctx: Ctx, id: string, input: UpdatePolicyBody): Promise<SlaPolicyView> {
  requireAdmin(ctx);
  const row = await ctx.tx.selectFrom('sla_policies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('SLA_POLICY_NOT_FOUND');
  const before = presentPolicy(row);
  const after = {
    name: input.name ?? before.name,
    active: input.active ?? before.active,
    calendarId: input.calendarId === undefined ? before.calendarId : input.calendarId,
    match: fullMatch(input.match, before.match),
    targets: input.targets ?? before.targets,
    escalations: input.escalations ?? before.escalations,
  };
  // An unchanged archived calendar may stay on the policy; a newly chosen one must be live.
  await checkPolicy(ctx, { ...after, calendarId: after.calendarId === before.calendarId ? null : after.calendarId });
  const changes = diff(before, after);
  if (!changes) return before;
  const updated = await ctx.tx
    .updateTable('sla_policies')
    .set({
      name: after.name,
      active: after.active,
      calendar_id: after.calendarId,
      match_tier_keys: after.match.tierIds,
      match_type_keys: after.match.typeKeys,
      match_priorities: after.match.priorities,
      match_channels: after.match.channels,
      targets: JSON.stringify(after.targets),
      escalations: JSON.stringify(after.escalations),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    subjectType: 'config',
    subjectId: CONFIG_SUBJECT_ID,
    type: 'config.slaPolicyUpdated',
    data: { entity: 'slaPolicy', entityId: id, ...changes },
  });
  return presentPolicy(updated);
}

/** Sets the match order; the list must name every policy once (archived ones too). */
export async function reorderPolicies(ctx: Ctx, ids: string[]): Promise<{ items: SlaPolicyView[] }> {
  requireAdmin(ctx);
  const rows = await ctx.tx.selectFrom('sla_policies').select(['id', 'position']).orderBy('position').forUpdate().execute();
  const unique = new Set(ids);
  if (unique.size !== ids.length || ids.length !== rows.length || rows.some((r) => !unique.has(r.id))) {
    throw new AppError('SLA_REORDER_MISMATCH', 400, {}, { field: 'ids' });
  }
  const before = rows.map((r) => r.id);
  if (before.join() !== ids.join()) {
    const now = new Date();
    for (const [index, policyId] of ids.entries()) {
      await ctx.tx.updateTable('sla_policies').set({ position: index + 1, updated_at: now }).where('id', '=', policyId).execute();
    }
    await recordEvent(ctx, {
      subjectType: 'config',
      subjectId: CONFIG_SUBJECT_ID,
      type: 'config.slaPoliciesReordered',
      data: { entity: 'slaPolicy', before: { ids: before }, after: { ids } },
    });
  }
  return listPolicies(ctx);
}
