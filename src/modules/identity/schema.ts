import { z } from 'zod';
import { ROLES } from './roles.ts';

const Username = z.string().trim().min(2).max(64).regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits, . _ @ - only');
const Password = z.string().min(8).max(200);

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const TeamRef = z.object({ id: z.uuid(), name: z.string(), isLead: z.boolean() });

export const UserView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  phone: z.string(),
  role: z.enum(ROLES),
  customerId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  locale: z.string(),
  teams: z.array(TeamRef),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

export const MeView = UserView.extend({
  abilities: z.object({
    admin: z.boolean(),
    manageCustomers: z.boolean(),
    seeAllWorkOrders: z.boolean(),
    /** The stock rules (stock/policy.ts): every staff member reads, admins and managers maintain. */
    viewStock: z.boolean(),
    manageStock: z.boolean(),
  }),
});

export const CreateUserBody = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(100),
  email: z.email().max(200).optional(),
  phone: z.string().trim().max(40).optional(),
  role: z.enum(ROLES),
  password: Password,
  customerId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  teamIds: z.array(z.uuid()).max(20).optional(),
});

export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  email: z.email().max(200).or(z.literal('')).optional(),
  phone: z.string().trim().max(40).optional(),
  role: z.enum(ROLES).optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  disabled: z.boolean().optional(),
  teamIds: z.array(z.uuid()).max(20).optional(),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().max(200).optional(),
  newPassword: Password,
});

export const UserListQuery = z.object({
  role: z.enum(ROLES).optional(),
  teamId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  includeDisabled: z.enum(['true', 'false']).optional(),
});

export const TeamView = z.object({
  id: z.uuid(),
  key: z.string().nullable(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  archived: z.boolean(),
  members: z.array(z.object({ userId: z.uuid(), displayName: z.string(), role: z.enum(ROLES), isLead: z.boolean() })),
});

export const CreateTeamBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).optional(),
  description: z.string().trim().max(1000).optional(),
});

export const UpdateTeamBody = CreateTeamBody.partial().extend({ archived: z.boolean().optional() }).strict();

export const SetMembersBody = z.strictObject({
  members: z.array(z.strictObject({ userId: z.uuid(), isLead: z.boolean().default(false) })).max(500),
});

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  userId: z.uuid().optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const ApiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.uuid(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});

export const CreatedApiTokenView = ApiTokenView.extend({ token: z.string() });
