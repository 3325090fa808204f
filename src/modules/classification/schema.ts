/** Request and response shapes for category sets, their options, and service tiers. */
import { z } from 'zod';

const Key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,49}$/, 'lower-case letters, digits and _; starts with a letter');
const Name = z.string().trim().min(1).max(50);
const NameEn = z.string().trim().max(50);
const Position = z.number().int().min(0).max(10_000);

export const CategoryOptionView = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
});
export const CategorySetView = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
  options: z.array(CategoryOptionView),
});
export type CategorySetView = z.infer<typeof CategorySetView>;

export const CreateCategorySetBody = z.strictObject({ key: Key, name: Name, nameEn: NameEn.optional(), position: Position.optional() });
export const UpdateCategorySetBody = z.strictObject({
  name: Name.optional(),
  nameEn: NameEn.optional(),
  position: Position.optional(),
  archived: z.boolean().optional(),
});
export const CreateCategoryOptionBody = CreateCategorySetBody;
export const UpdateCategoryOptionBody = UpdateCategorySetBody;
export const ReorderBody = z.strictObject({ keys: z.array(z.string().max(50)).min(1).max(200) });

export const ServiceTierView = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  rank: z.number().int(),
  archived: z.boolean(),
});
export type ServiceTierView = z.infer<typeof ServiceTierView>;
export const CreateServiceTierBody = z.strictObject({ key: Key, name: Name, nameEn: NameEn.optional(), rank: Position.optional() });
export const UpdateServiceTierBody = z.strictObject({
  name: Name.optional(),
  nameEn: NameEn.optional(),
  rank: Position.optional(),
  archived: z.boolean().optional(),
});

export const IncludeArchivedQuery = z.object({ includeArchived: z.enum(['true', 'false']).default('false') });
export const SetKeyParams = z.object({ setKey: z.string().max(50) });
export const OptionParams = z.object({ setKey: z.string().max(50), optionKey: z.string().max(50) });
export const TierParams = z.object({ key: z.string().max(50) });
