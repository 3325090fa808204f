/** Request and response shapes for custom field definitions (customer and work order). */
import { z } from 'zod';

const Key = z
  .string()
  .trim()
  .regex(/^[a-z][a-zA-Z0-9_]{0,49}$/, 'starts with a lower-case letter; letters, digits and _');
const Label = z.string().trim().min(1).max(100);
const OptionInput = z.strictObject({ key: Key, label: Label, labelEn: z.string().trim().max(100).optional() });

export const CUSTOM_FIELD_ENTITIES = ['customer', 'work_order'] as const;
export const CUSTOM_FIELD_KINDS = ['text', 'number', 'date', 'select'] as const;

export const CustomFieldView = z.object({
  id: z.uuid(),
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  kind: z.enum(CUSTOM_FIELD_KINDS),
  options: z.array(z.object({ key: z.string(), label: z.string(), labelEn: z.string().optional() })),
  position: z.number().int(),
  archived: z.boolean(),
});
export type CustomFieldView = z.infer<typeof CustomFieldView>;

export const CreateCustomFieldBody = z.strictObject({
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  key: Key,
  label: Label,
  labelEn: z.string().trim().max(100).optional(),
  kind: z.enum(CUSTOM_FIELD_KINDS),
  options: z.array(OptionInput).max(200).optional().describe('Required for kind "select", refused otherwise'),
  position: z.number().int().min(0).max(10_000).optional(),
});

/** The key, entity and kind never change: stored values depend on them. */
export const UpdateCustomFieldBody = z.strictObject({
  label: Label.optional(),
  labelEn: z.string().trim().max(100).optional(),
  options: z.array(OptionInput).max(200).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
});

export const CustomFieldListQuery = z.object({
  entity: z.enum(CUSTOM_FIELD_ENTITIES).optional(),
  includeArchived: z.enum(['true', 'false']).default('false'),
});
