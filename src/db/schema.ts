/** The whole database as Kysely sees it: each module declares its own tables. */
import type { CustomFieldTables } from '../modules/customFields/tables.ts';
import type { CustomerTables } from '../modules/customers/tables.ts';
import type { EventTables } from '../modules/events/tables.ts';
import type { IdentityTables } from '../modules/identity/tables.ts';
import type { WorkOrderTables } from '../modules/workOrders/tables.ts';

export interface DB extends EventTables,
    CustomFieldTables, CustomerTables, IdentityTables, WorkOrderTables {
  schema_migrations: { name: string; applied_at: Date };
}
