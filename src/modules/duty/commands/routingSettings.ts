/** The team's routing setting: off, round robin or least open, for which work order types, in which time zone. */
import type { Ctx } from '../../../lib/context.ts';
import { isValidTimeZone } from '../../../lib/businessTime/index.ts';
import { invalid } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { loadSettings } from '../load.ts';
import type { RoutingBody, RoutingView } from '../schema.ts';
import { loadTeam } from './team.ts';

export async function getRouting(ctx: Ctx, teamId: string): Promise<RoutingView> {
  await loadTeam(ctx, teamId);
  const s = await loadSettings(ctx.tx, teamId);
  return { teamId, mode: s.routingMode, typeKeys: s.routedTypeKeys, timeZone: s.timeZone };
}

export async function setRouting(ctx: Ctx, teamId: string, input: RoutingBody): Promise<RoutingView> {
  await loadTeam(ctx, teamId, { manage: true });
  if (!isValidTimeZone(input.timeZone)) throw invalid({ field: 'timeZone' }, 'DUTY_TIME_ZONE_INVALID');
  const typeKeys = [...new Set(input.typeKeys)].sort();
  if (typeKeys.length) {
    const known = await ctx.tx.selectFrom('work_order_types').select('key').where('key', 'in', typeKeys).execute();
    if (known.length !== typeKeys.length) throw invalid({ field: 'typeKeys' }, 'DUTY_TYPE_UNKNOWN');
  }
  const before = await loadSettings(ctx.tx, teamId);
  const values = {
    routing_mode: input.mode,
    routed_type_keys: typeKeys,
    time_zone: input.timeZone,
    updated_by: ctx.actor.id,
    updated_at: new Date(),
  };
  await ctx.tx
    .insertInto('duty_teams')
    .values({ team_id: teamId, ...values })
    .onConflict((oc) => oc.column('team_id').doUpdateSet(values))
    .execute();
  const view = { teamId, mode: input.mode, typeKeys, timeZone: input.timeZone };
  await recordEvent(ctx, {
    subjectType: 'team',
    subjectId: teamId,
    type: 'duty.routingSet',
    data: { before: { mode: before.routingMode, typeKeys: before.routedTypeKeys, timeZone: before.timeZone }, after: view },
  });
  return view;
}
