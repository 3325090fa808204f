/** The fixed set of roles; what each may do is decided in each module's policy.ts. */
export const ROLES = ['admin', 'manager', 'agent', 'technician', 'quality', 'customer'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['admin', 'manager', 'agent', 'technician', 'quality'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaff(role: Role): role is StaffRole {
  return role !== 'customer';
}
