/** Simplified Chinese texts: the default language and the source of the key list. */
import { coreZhCN } from './areas/core.zh-CN';
import { workOrdersZhCN } from './areas/workOrders.zh-CN';
import { customersZhCN } from './areas/customers.zh-CN';
import { adminZhCN } from './areas/admin.zh-CN';
import { portalZhCN } from './areas/portal.zh-CN';
import { complaintsZhCN } from './areas/complaints.zh-CN';
import { returnsZhCN } from './areas/returns.zh-CN';
import { repairsZhCN } from './areas/repairs.zh-CN';
import { slaZhCN } from './areas/sla.zh-CN';
import { dutyZhCN } from './areas/duty.zh-CN';
import { calendarsZhCN } from './areas/calendars.zh-CN';
import { slaPoliciesZhCN } from './areas/slaPolicies.zh-CN';
import { automationZhCN } from './areas/automation.zh-CN';
import { acceptanceSmsZhCN } from './areas/acceptanceSms.zh-CN';
import { portalQuoteZhCN } from './areas/portalQuote.zh-CN';
import { portalRequestZhCN } from './areas/portalRequest.zh-CN';
import { serviceWorkZhCN } from './areas/serviceWork.zh-CN';
import { notificationsZhCN } from './areas/notifications.zh-CN';

export const zhCN = {
  ...coreZhCN,
  ...workOrdersZhCN,
  ...customersZhCN,
  ...adminZhCN,
  ...portalZhCN,
  ...complaintsZhCN,
  ...returnsZhCN,
  ...repairsZhCN,
  ...portalRequestZhCN,
  ...serviceWorkZhCN,
  ...portalQuoteZhCN,
  ...acceptanceSmsZhCN,
  ...calendarsZhCN,
  ...slaPoliciesZhCN,
  ...automationZhCN,
  ...dutyZhCN,
  ...slaZhCN,
  ...notificationsZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
