import { z } from 'zod';

export const PRICE_CATEGORIES = ['labour', 'parts', 'travel', 'other'] as const;
/** Integer cents; ¥100,000,000.00 at most so sums stay far inside safe integers. */
export const Cents = z.number().int().min(0).max(10_000_000_000);

export const CreatePriceItemBody = z.strictObject({
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(20),
  priceCents: Cents,
  category: z.enum(PRICE_CATEGORIES),
});
export type CreatePriceItemBody = z.infer<typeof CreatePriceItemBody>;

export const UpdatePriceItemBody = CreatePriceItemBody.partial().extend({ archived: z.boolean().optional() });
export type UpdatePriceItemBody = z.infer<typeof UpdatePriceItemBody>;

export const PriceItemView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  priceCents: z.number().int(),
  category: z.enum(PRICE_CATEGORIES),
  archived: z.boolean(),
});
export type PriceItemView = z.infer<typeof PriceItemView>;

export const PriceListQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() });
