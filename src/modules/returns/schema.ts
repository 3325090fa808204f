/** Request and response schemas of return/exchange/repair forms (RMA). */
import { z } from 'zod';

const Text = (max: number) => z.string().trim().max(max);
export const RequestedAction = z.enum(['return', 'exchange', 'repair']);
export const Decision = z.enum(['return', 'exchange', 'repair', 'reject']);
export const RmaStatus = z.enum(['requested', 'received', 'inspected', 'decided', 'shipped', 'closed']);
export const InspectionResult = z.enum(['fault_confirmed', 'no_fault_found', 'customer_damage']);

const ItemFields = {
  assetId: z.uuid().optional(),
  product: Text(200).min(1),
  serial: Text(100).default(''),
  quantity: z.number().int().min(1).max(100_000),
  faultDescription: Text(5_000).default(''),
};
export const MAX_RMA_ITEMS = 100;

export const RmaItemBody = z.strictObject(ItemFields);
export type RmaItemBody = z.infer<typeof RmaItemBody>;

/** Only the fields given change; `assetId: null` unlinks the asset. */
export const UpdateRmaItemBody = z
  .strictObject({
    assetId: z.uuid().nullable().optional(),
    product: ItemFields.product.optional(),
    serial: Text(100).optional(),
    quantity: ItemFields.quantity.optional(),
    faultDescription: Text(5_000).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateRmaItemBody = z.infer<typeof UpdateRmaItemBody>;

export const CreateRmaBody = z.strictObject({
  requestedAction: RequestedAction,
  notes: Text(5_000).default(''),
  items: z.array(RmaItemBody).min(1).max(MAX_RMA_ITEMS),
});
export type CreateRmaBody = z.infer<typeof CreateRmaBody>;

export const ReceiptBody = z.strictObject({
  notes: Text(5_000).default(''),
  items: z.array(z.strictObject({ itemId: z.uuid(), receivedQuantity: z.number().int().min(0).max(100_000) })).min(1).max(100),
});
export const InspectionBody = z.strictObject({
  notes: Text(5_000).default(''),
  items: z.array(z.strictObject({ itemId: z.uuid(), result: InspectionResult, notes: Text(2_000).default('') })).min(1).max(100),
});
export const DecisionBody = z.strictObject({
  decision: Decision,
  reason: Text(5_000).default(''),
  /** Integer cents; required when out of warranty and the decision is not a rejection. */
  chargeCents: z.number().int().min(0).max(1e12).optional(),
  /** A supervisor replacing the computed warranty status; needs overrideReason. */
  warrantyOverride: z.boolean().optional(),
  overrideReason: Text(2_000).optional(),
});
export type DecisionBody = z.infer<typeof DecisionBody>;
export const ShipmentBody = z.strictObject({ carrier: Text(100).min(1), trackingNo: Text(100).min(1) });
export const CloseBody = z.strictObject({ notes: Text(5_000).default('') });

const ItemView = z.object({
  id: z.string(),
  assetId: z.string().nullable(),
  product: z.string(),
  serial: z.string(),
  quantity: z.number(),
  faultDescription: z.string(),
  receivedQuantity: z.number().nullable(),
  quantityMismatch: z.boolean(),
  inspectionResult: InspectionResult.nullable(),
  inspectionNotes: z.string().optional(),
  inWarranty: z.boolean(),
  warrantyBasis: z.enum(['asset', 'contract', 'none']),
});

export const RmaView = z.object({
  workOrderId: z.string(),
  requestedAction: RequestedAction,
  status: RmaStatus,
  notes: z.string(),
  items: z.array(ItemView),
  receivedAt: z.string().nullable(),
  quantityMismatch: z.boolean(),
  inspectedAt: z.string().nullable(),
  inspectionNotes: z.string().optional(),
  warranty: z.object({
    serviceDay: z.string(),
    inWarranty: z.boolean(),
    computed: z.boolean(),
    overrideReason: z.string().nullable().optional(),
  }),
  decision: z
    .object({ decision: Decision, reason: z.string(), chargeable: z.boolean(), chargeCents: z.number(), decidedAt: z.string() })
    .nullable(),
  shipment: z.object({ carrier: z.string(), trackingNo: z.string(), shippedAt: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  nextSteps: z.array(z.enum(['receipt', 'inspection', 'decision', 'shipment', 'close'])),
  /** editItems: staff may add, change and remove items until the goods are received. */
  abilities: z.object({ edit: z.boolean(), editItems: z.boolean(), inspect: z.boolean(), overrideWarranty: z.boolean() }),
});
export type RmaView = z.infer<typeof RmaView>;
