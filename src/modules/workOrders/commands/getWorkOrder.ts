/** Reading one work order the actor may see. */
import type { Ctx } from '../../../lib/context.ts';
import { loadVisibleWorkOrder } from '../policy.ts';
import { presentDetail } from '../present.ts';
import type { WorkOrderView } from '../schema.ts';

export async function getWorkOrder(ctx: Ctx, id: string): Promise<WorkOrderView> {
  return presentDetail(ctx, await loadVisibleWorkOrder(ctx, id));
}
