import { z } from 'zod';
import { OutboundMessageView } from '../outbound/schema.ts';
import { PRICE_CATEGORIES } from '../priceList/schema.ts';

const DateTime = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().trim().max(max);
/** Whole units: materials and quote lines are counted, never measured (no fractions). */
const Quantity = z.number().int().min(1).max(10_000);

export const WorkOrderParams = z.object({ id: z.uuid() });
export const VisitParams = z.object({ id: z.uuid(), visitId: z.uuid() });
export const LineParams = z.object({ id: z.uuid(), lineId: z.uuid() });

const Appointment = {
  appointmentStart: DateTime,
  appointmentEnd: DateTime,
};

export const DispatchBody = z.strictObject({
  technicianId: z.uuid(),
  ...Appointment,
  /** Shown on the timeline; required (as the transfer reason) when another technician had the order. */
  note: Text(500).optional(),
});
export type DispatchBody = z.infer<typeof DispatchBody>;

export const RecordVisitBody = z.strictObject({
  findings: Text(4000).optional(),
  solution: Text(4000).optional(),
});

export const NobodyHomeBody = z.strictObject({
  noteLeft: Text(1000).min(1),
  nextAppointmentStart: DateTime,
  nextAppointmentEnd: DateTime,
});
export type NobodyHomeBody = z.infer<typeof NobodyHomeBody>;

export const QuoteLineBody = z.union([
  z.strictObject({ priceItemId: z.uuid(), quantity: Quantity }),
  z.strictObject({
    custom: z.strictObject({
      name: Text(200).min(1),
      unit: Text(20).min(1),
      category: z.enum(PRICE_CATEGORIES),
      unitPriceCents: z.number().int().min(0).max(10_000_000_000),
    }),
    quantity: Quantity,
  }),
]);
export type QuoteLineBody = z.infer<typeof QuoteLineBody>;

export const QuoteDecisionBody = z.strictObject({ decision: z.enum(['accept', 'refuse']) });

export const WarrantyOverrideBody = z.strictObject({ inWarranty: z.boolean(), reason: Text(500).min(1) });

export const MaterialBody = z.strictObject({
  stockItemId: z.uuid(),
  quantity: Quantity,
  customerSupplied: z.boolean().optional(),
});
export type MaterialBody = z.infer<typeof MaterialBody>;

export const SignatureBody = z.strictObject({
  /** A PNG as a data URL (canvas.toDataURL()); at most 500 KB once decoded. */
  signature: z.string().max(700_000).startsWith('data:image/png;base64,'),
});

export const SendCodeBody = z.strictObject({ contactId: z.uuid().optional() });
export const VerifyCodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const TodayQuery = z.object({ technicianId: z.uuid().optional() });

const Person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const VisitView = z.object({
  id: z.uuid(),
  technician: Person,
  appointmentStart: z.string(),
  appointmentEnd: z.string(),
  status: z.enum(['scheduled', 'en_route', 'on_site', 'done', 'nobody_home', 'cancelled']),
  departedAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  findings: z.string(),
  solution: z.string(),
  noteLeft: z.string(),
});
export type VisitView = z.infer<typeof VisitView>;

export const QuoteLineView = z.object({
  id: z.uuid(),
  priceItemId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  category: z.enum(PRICE_CATEGORIES),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  /** quantity × unit price before warranty. */
  amountCents: z.number().int(),
  /** What the customer pays for the line: 0 when warranty makes it free. */
  chargedCents: z.number().int(),
  free: z.boolean(),
  approval: z.enum(['not_needed', 'pending', 'approved']),
});
export type QuoteLineView = z.infer<typeof QuoteLineView>;

export const WarrantyView = z.object({
  inWarranty: z.boolean(),
  computed: z.boolean(),
  serviceDay: z.string(),
  assetWarrantyEnd: z.string().nullable(),
  coveringContract: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  override: z.object({ inWarranty: z.boolean(), reason: z.string() }).nullable(),
});
export type WarrantyView = z.infer<typeof WarrantyView>;

export const MaterialView = z.object({
  id: z.uuid(),
  stockItem: z.object({ id: z.uuid(), code: z.string(), name: z.string(), unit: z.string() }),
  quantity: z.number().int(),
  customerSupplied: z.boolean(),
  createdAt: z.string(),
});

/** A stock movement this order caused: material taken (negative) or put back (positive). */
export const OrderStockMovementView = z.object({
  id: z.number().int(),
  stockItem: z.object({ id: z.uuid(), code: z.string(), name: z.string(), unit: z.string() }),
  delta: z.number().int(),
  quantityAfter: z.number().int(),
  reason: z.enum(['adjustment', 'material_used', 'material_returned']),
  actor: Person,
  createdAt: z.string(),
});

export const RepairView = z.object({
  workOrderId: z.uuid(),
  dispatched: z.boolean(),
  dispatcher: Person,
  technician: Person,
  visits: z.array(VisitView),
  warranty: WarrantyView,
  quote: z.object({
    lines: z.array(QuoteLineView),
    totalCents: z.number().int(),
    chargedCents: z.number().int(),
    pendingApproval: z.boolean(),
    decision: z.enum(['accepted', 'refused']).nullable(),
    decidedAt: z.string().nullable(),
  }),
  /** Staff only; customers get an empty list. */
  materials: z.array(MaterialView),
  /** Staff only, newest first; customers get an empty list. */
  stockMovements: z.array(OrderStockMovementView),
  acceptance: z.object({
    accepted: z.boolean(),
    method: z.enum(['signature', 'code']).nullable(),
    acceptedAt: z.string().nullable(),
    codePending: z.boolean(),
    /** Staff only: the SMS of the latest code and how its delivery went (null for customers or before any code). */
    codeMessage: OutboundMessageView.nullable(),
  }),
  abilities: z.object({
    dispatch: z.boolean(),
    actOnVisit: z.boolean(),
    supervise: z.boolean(),
    decideQuote: z.boolean(),
    /** Add or remove quote lines: the technician or a supervisor, until the customer accepts. */
    editQuote: z.boolean(),
  }),
});
export type RepairView = z.infer<typeof RepairView>;

export const TodayVisitView = z.object({
  visitId: z.uuid(),
  workOrderId: z.uuid(),
  number: z.string(),
  subject: z.string(),
  status: z.enum(['scheduled', 'en_route', 'on_site', 'done', 'nobody_home', 'cancelled']),
  orderStatus: z.string(),
  appointmentStart: z.string(),
  appointmentEnd: z.string(),
  customer: z.object({ id: z.uuid(), name: z.string(), address: z.string() }),
  contact: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  asset: z.object({ id: z.uuid(), name: z.string(), model: z.string() }).nullable(),
});
