/**
 * Work order types (咨询, 报修, 投诉, …) and their per-type workflows. Everyone
 * reads them (forms, filters, the portal); only administrators change them.
 */
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import type { Lang } from '../../../lib/i18n.ts';
import { diff, recordEvent } from '../../events/record.ts';
import type { Workflow, WorkOrderTypesTable } from '../tables.ts';
import type { CreateWorkOrderTypeBody, UpdateWorkOrderTypeBody, WorkOrderTypeView } from '../typeSchema.ts';
import { workflowProblems } from '../workflowRules.ts';

type TypeRow = Selectable<WorkOrderTypesTable>;

const label = (lang: Lang, name: string, nameEn: string) => (lang === 'en' && nameEn ? nameEn : name);

/** Events about a type hang off a stable id derived from its key, so its history reads as one subject. */
export function typeSubjectId(key: string): string {
  const h = crypto.createHash('sha256').update(`work_order_type:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function present(row: TypeRow, teams: Map<string, { name: string; name_en: string }>, lang: Lang): WorkOrderTypeView {
  const team = row.default_team_id ? teams.get(row.default_team_id) : undefined;
  return {
    key: row.key,
    name: row.name,
    nameEn: row.name_en,
    label: label(lang, row.name, row.name_en),
    defaultTeam:
      row.default_team_id && team
        ? { id: row.default_team_id, name: team.name, label: label(lang, team.name, team.name_en) }
        : null,
    position: row.position,
    archived: row.archived_at !== null,
    workflow: {
      initial: row.workflow.initial,
      statuses: row.workflow.statuses.map((s) => ({ ...s, label: label(lang, s.name, s.nameEn) })),
      transitions: row.workflow.transitions,
    },
  };
}

export async function listWorkOrderTypes(ctx: Ctx, options: { includeArchived?: boolean; key?: string } = {}) {
  let q = ctx.tx.selectFrom('work_order_types').selectAll().orderBy('position').orderBy('key');
  if (!options.includeArchived) q = q.where('archived_at', 'is', null);
  if (options.key) q = q.where('key', '=', options.key);
  const rows = await q.execute();
  const teams = new Map(
    (await ctx.tx.selectFrom('teams').select(['id', 'name', 'name_en']).execute()).map((t) => [t.id, t]),
  );
  return rows.map((row) => present(row, teams, ctx.lang));
}

async function getType(ctx: Ctx, key: string) {
  const [type] = await listWorkOrderTypes(ctx, { includeArchived: true, key });
  if (!type) throw notFound('WORK_ORDER_TYPE_NOT_FOUND');
  return type;
}

function authorizeAdmin(ctx: Ctx) {
  if (ctx.actor.role !== 'admin') throw forbidden();
}

function assertValidWorkflow(workflow: Workflow) {
  const problems = workflowProblems(workflow);
  if (problems.length) throw invalid({ problems }, 'WORKFLOW_INVALID');
}

async function assertTeamUsable(ctx: Ctx, teamId: string | null | undefined) {
  if (!teamId) return;
  const team = await ctx.tx
    .selectFrom('teams')
    .select('id')
    .where('id', '=', teamId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!team) throw invalid({ field: 'defaultTeamId', reason: 'unknown or archived team' });
}

export async function createWorkOrderType(ctx: Ctx, input: z.infer<typeof CreateWorkOrderTypeBody>) {
  authorizeAdmin(ctx);
  assertValidWorkflow(input.workflow);
  await assertTeamUsable(ctx, input.defaultTeamId);
  const taken = await ctx.tx.selectFrom('work_order_types').select('key').where('key', '=', input.key).executeTakeFirst();
  if (taken) throw conflict('WORK_ORDER_TYPE_KEY_TAKEN', { key: input.key });
  await ctx.tx
    .insertInto('work_order_types')
    .values({
      key: input.key,
      name: input.name,
      name_en: input.nameEn ?? '',
      workflow: JSON.stringify(input.workflow),
      default_team_id: input.defaultTeamId ?? null,
      position: input.position ?? 0,
      archived_at: input.archived ? new Date() : null,
    })
    .execute();
  await recordEvent(ctx, {
    subjectType: 'config',
    subjectId: typeSubjectId(input.key),
    type: 'workOrderType.created',
    data: input,
  });
  return getType(ctx, input.key);
}

export async function updateWorkOrderType(ctx: Ctx, key: string, input: z.infer<typeof UpdateWorkOrderTypeBody>) {
  authorizeAdmin(ctx);
  const before = await ctx.tx.selectFrom('work_order_types').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();
  if (!before) throw notFound('WORK_ORDER_TYPE_NOT_FOUND');
  if (input.workflow) {
    assertValidWorkflow(input.workflow);
    await applyWorkflowToOrders(ctx, key, input.workflow);
  }
  if (input.defaultTeamId !== undefined) await assertTeamUsable(ctx, input.defaultTeamId);
  const after = {
    name: input.name ?? before.name,
    name_en: input.nameEn ?? before.name_en,
    workflow: canonical(input.workflow ?? before.workflow),
    default_team_id: input.defaultTeamId === undefined ? before.default_team_id : input.defaultTeamId,
    position: input.position ?? before.position,
    archived_at: input.archived === undefined ? before.archived_at : input.archived ? (before.archived_at ?? new Date()) : null,
  };
  await ctx.tx
    .updateTable('work_order_types')
    .set({ ...after, workflow: JSON.stringify(after.workflow), updated_at: new Date() })
    .where('key', '=', key)
    .execute();
  const change = diff({ ...before, workflow: canonical(before.workflow) }, after);
  if (change) {
    await recordEvent(ctx, { subjectType: 'config', subjectId: typeSubjectId(key), type: 'workOrderType.updated', data: { key, ...change } });
  }
  return getType(ctx, key);
}

/** The workflow with its keys in one order: jsonb reorders object keys, which must not look like an edit. */
function canonical(w: Workflow): Workflow {
  return {
    initial: w.initial,
    statuses: w.statuses.map((s) => ({ key: s.key, name: s.name, nameEn: s.nameEn ?? '', category: s.category })),
    transitions: w.transitions.map((t) => ({ from: t.from, to: t.to })),
  };
}

/**
 * Orders already in a status the new workflow drops would be stranded: refuse.
 * Orders in a status whose category changed follow the new category, so queues
 * and reports stay true.
 */
async function applyWorkflowToOrders(ctx: Ctx, typeKey: string, workflow: Workflow) {
  const inUse = await ctx.tx
    .selectFrom('work_orders')
    .select('status')
    .distinct()
    .where('type_key', '=', typeKey)
    .execute();
  const kept = new Map(workflow.statuses.map((s) => [s.key, s.category]));
  const dropped = inUse.map((r) => r.status).filter((s) => !kept.has(s));
  if (dropped.length) throw new AppError('WORKFLOW_STATUS_IN_USE', 409, { statuses: dropped.join(', ') }, { statuses: dropped });
  for (const { status } of inUse) {
    await ctx.tx
      .updateTable('work_orders')
      .set({ status_category: kept.get(status)! })
      .where('type_key', '=', typeKey)
      .where('status', '=', status)
      .where('status_category', '<>', kept.get(status)!)
      .execute();
  }
}
