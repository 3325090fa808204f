import type { ColumnType, Generated } from 'kysely';
import type { Role } from './roles.ts';

type Created = ColumnType<Date, Date | undefined, never>;
type Updated = ColumnType<Date, Date | undefined, Date>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface TeamsTable {
  id: Generated<string>;
  key: string | null;
  name: string;
  name_en: ColumnType<string, string | undefined, string>;
  description: ColumnType<string, string | undefined, string>;
  archived_at: Nullable<Date>;
  created_at: Created;
  updated_at: Updated;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: ColumnType<string, string | undefined, string>;
  phone: ColumnType<string, string | undefined, string>;
  role: Role;
  customer_id: Nullable<string>;
  contact_id: Nullable<string>;
  password_hash: Nullable<string>;
  locale: ColumnType<string, string | undefined, string>;
  disabled_at: Nullable<Date>;
  last_login_at: Nullable<Date>;
  created_at: Created;
  updated_at: Updated;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  is_lead: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Created;
  expires_at: Date;
  ip: ColumnType<string, string | undefined, string>;
  user_agent: ColumnType<string, string | undefined, string>;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_by: string;
  created_at: Created;
  expires_at: Nullable<Date>;
  last_used_at: Nullable<Date>;
  revoked_at: Nullable<Date>;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  success: boolean;
  at: Created;
}

export interface IdentityTables {
  teams: TeamsTable;
  users: UsersTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
}
