/** Creating, editing, ordering and deleting rules (admin); listing them (admin, manager). */
import { sql } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { CONFIG_SUBJECT_ID } from '../../classification/policy.ts';
import { diff, recordEvent } from '../../events/record.ts';
import { authorizeManage, authorizeRead } from '../policy.ts';
import { presentRule } from '../present.ts';
import type { ActionSpec, ConditionSpec, CreateRuleBody, RuleView, UpdateRuleBody } from '../schema.ts';
import '../messages.ts';

/** Teams and users a rule names must exist and be active (users: staff). */
async function checkReferences(ctx: Ctx, conditions: readonly ConditionSpec[], actions: readonly ActionSpec[]): Promise<void> {
  const teams = new Set<string>();
  const users = new Set<string>();
  for (const c of conditions) {
    if (c.field === 'team') for (const v of c.values) teams.add(v);
    if (c.field === 'assignee') for (const v of c.values) users.add(v);
  }
  for (const a of actions) {
    if (a.type === 'setTeam') teams.add(a.teamId);
    if (a.type === 'setAssignee') users.add(a.assigneeId);
    if (a.type === 'notify') for (const v of a.userIds) users.add(v);
  }
  const [foundTeams, foundUsers] = await Promise.all([
    teams.size
      ? ctx.tx.selectFrom('teams').select('id').where('id', 'in', [...teams]).where('archived_at', 'is', null).execute()
      : [],
    users.size
      ? ctx.tx.selectFrom('users').select('id').where('id', 'in', [...users]).where('disabled_at', 'is', null).where('role', '<>', 'customer').execute()
      : [],
  ]);
  const missing = [
    ...[...teams].filter((id) => !foundTeams.some((t) => t.id === id)),
    ...[...users].filter((id) => !foundUsers.some((u) => u.id === id)),
  ];
  if (missing.length) throw invalid({ ids: missing }, 'AUTOMATION_REFERENCE_UNKNOWN');
}

function audit(ctx: Ctx, type: string, data: Record<string, unknown>) {
  return recordEvent(ctx, { subjectType: 'config', subjectId: CONFIG_SUBJECT_ID, type, data });
}

export async function listRules(ctx: Ctx): Promise<RuleView[]> {
  authorizeRead(ctx.actor);
  const rows = await ctx.tx.selectFrom('automation_rules').selectAll().orderBy('position').orderBy('created_at').execute();
  return rows.map(presentRule);
}

async function loadRule(ctx: Ctx, id: string) {
  const row = await ctx.tx.selectFrom('automation_rules').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('AUTOMATION_RULE_NOT_FOUND');
  return row;
}

export async function createRule(ctx: Ctx, input: CreateRuleBody): Promise<RuleView> {
  authorizeManage(ctx.actor);
  await checkReferences(ctx, input.conditions, input.actions);
  const last = await ctx.tx
    .selectFrom('automation_rules')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  const row = await ctx.tx
    .insertInto('automation_rules')
    .values({
      name: input.name,
      active: input.active,
      position: (last?.max ?? -1) + 1,
      trigger: input.trigger,
      conditions: JSON.stringify(input.conditions),
      actions: JSON.stringify(input.actions),
      created_by: ctx.actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(ctx, 'automation.ruleCreated', { ruleId: row.id, name: row.name, trigger: row.trigger });
  return presentRule(row);
}

export async function updateRule(ctx: Ctx, id: string, input: UpdateRuleBody): Promise<RuleView> {
  authorizeManage(ctx.actor);
  const before = await loadRule(ctx, id);
  const after = {
    name: input.name ?? before.name,
    active: input.active ?? before.active,
    trigger: input.trigger ?? before.trigger,
    conditions: input.conditions ?? before.conditions,
    actions: input.actions ?? before.actions,
  };
  const change = diff(before, after);
  if (!change) return presentRule(before);
  if (input.conditions || input.actions) await checkReferences(ctx, after.conditions, after.actions);
  const row = await ctx.tx
    .updateTable('automation_rules')
    .set({ ...after, conditions: JSON.stringify(after.conditions), actions: JSON.stringify(after.actions), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(ctx, 'automation.ruleUpdated', { ruleId: id, ...change });
  return presentRule(row);
}

export async function deleteRule(ctx: Ctx, id: string): Promise<void> {
  authorizeManage(ctx.actor);
  const before = await loadRule(ctx, id);
  await ctx.tx.deleteFrom('automation_rules').where('id', '=', id).execute();
  await audit(ctx, 'automation.ruleDeleted', { ruleId: id, name: before.name });
}

/** Sets the run order; the list must name every rule once. */
export async function reorderRules(ctx: Ctx, ids: string[]): Promise<RuleView[]> {
  authorizeManage(ctx.actor);
  const rows = await ctx.tx.selectFrom('automation_rules').select('id').forUpdate().execute();
  const all = new Set(rows.map((r) => r.id));
  if (new Set(ids).size !== ids.length || ids.length !== all.size || ids.some((id) => !all.has(id))) {
    throw invalid({ field: 'ids' }, 'AUTOMATION_ORDER_INCOMPLETE');
  }
  await sql`update automation_rules r set position = o.n - 1
    from unnest(${ids}::uuid[]) with ordinality as o(id, n) where r.id = o.id`.execute(ctx.tx);
  await audit(ctx, 'automation.rulesReordered', { ids });
  return listRules(ctx);
}
