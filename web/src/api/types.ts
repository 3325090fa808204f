/** Shapes of the API replies the UI reads (mirrors of the server's Zod views). */
export const ROLES = ['admin', 'manager', 'agent', 'technician', 'quality', 'customer'] as const;
export type Role = (typeof ROLES)[number];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TeamRef {
  id: string;
  name: string;
  isLead: boolean;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string;
  phone: string;
  role: Role;
  customerId: string | null;
  contactId: string | null;
  locale: string;
  teams: TeamRef[];
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Abilities {
  admin: boolean;
  manageCustomers: boolean;
  seeAllWorkOrders: boolean;
  viewStock: boolean;
  manageStock: boolean;
}

export interface Me extends User {
  abilities: Abilities;
}

export interface TeamMember {
  userId: string;
  displayName: string;
  role: Role;
  isLead: boolean;
}

export interface Team {
  id: string;
  key: string | null;
  name: string;
  nameEn: string;
  description: string;
  archived: boolean;
  members: TeamMember[];
}
