import type { Ctx } from '../../../lib/context.ts';
import { loadRepair } from '../policy.ts';
import { presentRepair } from '../present.ts';
import type { RepairView } from '../schema.ts';

/** The repair view of a work order (undispatched orders show an empty repair). */
export async function getRepair(ctx: Ctx, id: string): Promise<RepairView> {
  const { order, repair } = await loadRepair(ctx, id, { forUpdate: false });
  return presentRepair(ctx, order, repair);
}
