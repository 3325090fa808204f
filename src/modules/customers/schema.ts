/** Request and response shapes of the customers module (organisations, contacts, assets, contracts). */
import { z } from 'zod';
import { PageQuery } from '../../lib/pagination.ts';

const Phone = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[0-9 +\-()]+$/, 'digits, spaces, + - ( ) only');
const Phones = z.array(Phone).max(10);
const Email = z.email().max(200).or(z.literal(''));
const IsoDate = z.iso.date();
/** 统一社会信用代码: 18 characters, digits and upper-case letters. */
const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{18}$/, '18 digits or letters');
const Region = z.string().trim().max(50);
/** Set key → option key; null removes the set's value. */
const ClassificationInput = z.record(z.string().max(50), z.string().max(50).nullable());
const CustomFieldsInput = z.record(z.string().max(50), z.unknown());

const CustomerFields = {
  name: z.string().trim().min(1).max(200),
  creditCode: CreditCode.nullable().optional(),
  province: Region.optional(),
  city: Region.optional(),
  county: Region.optional(),
  address: z.string().trim().max(300).optional(),
  phones: Phones.optional(),
  email: Email.optional(),
  notes: z.string().max(5000).optional(),
  classification: ClassificationInput.optional(),
  tier: z.string().max(50).nullable().optional(),
  customFields: CustomFieldsInput.optional(),
};

export const CreateCustomerBody = z.strictObject(CustomerFields);
export type CreateCustomerBody = z.infer<typeof CreateCustomerBody>;
export const UpdateCustomerBody = z.strictObject({ ...CustomerFields, name: CustomerFields.name.optional() });
export type UpdateCustomerBody = z.infer<typeof UpdateCustomerBody>;

export const CustomerListQuery = z
  .object({
    q: z.string().trim().max(100).optional().describe('Quick search: name (Chinese partial), phone (full or last digits), email'),
    classification: z
      .string()
      .max(500)
      .regex(/^[\w-]+:[\w-]+(,[\w-]+:[\w-]+)*$/, 'setKey:optionKey[,setKey:optionKey…]')
      .optional()
      .describe('Classification filter, every pair must match: "scale:large,cooperation:agreement"'),
    tier: z.string().max(50).optional(),
    province: z.string().max(50).optional(),
    city: z.string().max(50).optional(),
    archived: z.enum(['true', 'false', 'all']).default('false').describe('"all" lists active and archived'),
    completenessMin: z.coerce.number().int().min(0).max(100).optional(),
    completenessMax: z.coerce.number().int().min(0).max(100).optional(),
    sort: z.enum(['name', 'createdAt', 'completeness']).default('createdAt'),
    order: z.enum(['asc', 'desc']).optional().describe('Default: asc for name, desc otherwise'),
  })
  .extend(PageQuery.shape);
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const ContactBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  phones: Phones.optional(),
  email: Email.optional(),
  position: z.string().trim().max(100).optional(),
  birthday: IsoDate.nullable().optional(),
  notes: z.string().max(2000).optional(),
});
export const UpdateContactBody = ContactBody.partial().strict();

export const ASSET_KINDS = ['product', 'device', 'site', 'system'] as const;
export const AssetBody = z.strictObject({
  kind: z.enum(ASSET_KINDS),
  name: z.string().trim().min(1).max(200),
  model: z.string().trim().max(100).optional(),
  serial: z.string().trim().max(100).optional(),
  installDate: IsoDate.nullable().optional(),
  warrantyEnd: IsoDate.nullable().optional(),
  notes: z.string().max(2000).optional(),
});
export const UpdateAssetBody = AssetBody.partial().strict();

export const ContractBody = z.strictObject({
  number: z.string().trim().min(1).max(100),
  startsOn: IsoDate.nullable().optional(),
  endsOn: IsoDate.nullable().optional(),
  serviceTerms: z.string().max(20000).optional(),
});
export const UpdateContractBody = ContractBody.partial().strict();

export const ContactView = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  name: z.string(),
  phones: z.array(z.string()),
  email: z.string(),
  position: z.string(),
  birthday: z.string().nullable(),
  notes: z.string().optional().describe('Staff only'),
  archived: z.boolean(),
});
export type ContactView = z.infer<typeof ContactView>;

export const AssetView = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  kind: z.enum(ASSET_KINDS),
  name: z.string(),
  model: z.string(),
  serial: z.string(),
  installDate: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  warrantyStatus: z.enum(['in_warranty', 'expired', 'unknown']),
  notes: z.string().optional().describe('Staff only'),
  archived: z.boolean(),
});
export type AssetView = z.infer<typeof AssetView>;

export const ContractView = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  number: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.enum(['active', 'expired', 'not_started']),
  serviceTerms: z.string(),
  archived: z.boolean(),
});
export type ContractView = z.infer<typeof ContractView>;

const NamedRef = z.object({ key: z.string(), name: z.string(), nameEn: z.string() });
export const CustomerAbilities = z.object({
  edit: z.boolean(),
  archive: z.boolean(),
  seeAudit: z.boolean(),
  managePortalAccounts: z.boolean().describe("Open and manage the customer's portal accounts"),
});

export const CustomerSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  province: z.string(),
  city: z.string(),
  county: z.string(),
  phones: z.array(z.string()),
  email: z.string(),
  classification: z.record(z.string(), z.string()),
  tier: NamedRef.nullable(),
  completeness: z.number().int(),
  archived: z.boolean(),
  createdAt: z.string(),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const CustomerView = CustomerSummary.extend({
  address: z.string(),
  notes: z.string().optional().describe('Staff only'),
  classificationNames: z.array(z.object({ setKey: z.string(), setName: z.string(), option: NamedRef })),
  customFields: z.record(z.string(), z.unknown()),
  contacts: z.array(ContactView),
  assets: z.array(AssetView),
  contracts: z.array(ContractView),
  updatedAt: z.string(),
  abilities: CustomerAbilities,
});
export type CustomerView = z.infer<typeof CustomerView>;

export const AuditEntryView = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  type: z.string(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const CompletenessConfigBody = z.strictObject({
  requiredFields: z.array(z.string().min(1).max(100)).max(100),
});
export const CompletenessConfigView = z.object({
  requiredFields: z.array(z.string()),
  builtInFields: z.array(z.string()),
});

export const ChildListQuery = z.object({ includeArchived: z.enum(['true', 'false']).default('false') });
