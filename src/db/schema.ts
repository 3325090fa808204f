/** The whole database as Kysely sees it: each module declares its own tables. */
import type { ComplaintTables } from '../modules/complaints/tables.ts';
import type { ReturnTables } from '../modules/returns/tables.ts';
import type { CustomFieldTables } from '../modules/customFields/tables.ts';
import type { CustomerTables } from '../modules/customers/tables.ts';
import type { EventTables } from '../modules/events/tables.ts';
import type { IdentityTables } from '../modules/identity/tables.ts';
import type { WorkOrderTables } from '../modules/workOrders/tables.ts';
import type { PriceListTables } from '../modules/priceList/tables.ts';
import type { StockTables } from '../modules/stock/tables.ts';
import type { RepairTables } from '../modules/repairs/tables.ts';
import type { CalendarTables } from '../modules/calendars/tables.ts';
import type { NotificationTables } from '../modules/notifications/tables.ts';
import type { AutomationTables } from '../modules/automation/tables.ts';
import type { DutyTables } from '../modules/duty/tables.ts';
import type { SlaTables } from '../modules/sla/tables.ts';
import type { OutboundTables } from '../modules/outbound/tables.ts';

export interface DB extends EventTables, ComplaintTables, ReturnTables,
    CustomFieldTables, CustomerTables, IdentityTables, WorkOrderTables,
    PriceListTables, StockTables, RepairTables, CalendarTables,
    NotificationTables, DutyTables, SlaTables, OutboundTables, AutomationTables {
  schema_migrations: { name: string; applied_at: Date };
}
