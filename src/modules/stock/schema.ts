import { z } from 'zod';

const Quantity = z.number().int().min(0).max(1_000_000);

export const CreateStockItemBody = z.strictObject({
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(20),
  quantityOnHand: Quantity.default(0),
});
export type CreateStockItemBody = z.infer<typeof CreateStockItemBody>;

export const UpdateStockItemBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  archived: z.boolean().optional(),
});
export type UpdateStockItemBody = z.infer<typeof UpdateStockItemBody>;

/** A counted correction (stocktake, delivery, loss); the note says why. */
export const AdjustStockBody = z.strictObject({
  delta: z.number().int().min(-1_000_000).max(1_000_000).refine((v) => v !== 0, 'must not be 0'),
  note: z.string().trim().min(1).max(500),
});

export const StockItemView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  quantityOnHand: z.number().int(),
  archived: z.boolean(),
});
export type StockItemView = z.infer<typeof StockItemView>;

export const StockMovementView = z.object({
  id: z.number().int(),
  delta: z.number().int(),
  quantityAfter: z.number().int(),
  reason: z.enum(['adjustment', 'material_used', 'material_returned']),
  note: z.string(),
  /** Null also when the reader may not see the order (then hiddenWorkOrder is true). */
  workOrderId: z.uuid().nullable(),
  workOrder: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  hiddenWorkOrder: z.boolean(),
  actorId: z.uuid().nullable(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.date(),
});
export type StockMovementView = z.infer<typeof StockMovementView>;

export const StockListQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() });
