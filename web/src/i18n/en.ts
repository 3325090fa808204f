import { coreEn } from './areas/core.en';
import { workOrdersEn } from './areas/workOrders.en';
import { customersEn } from './areas/customers.en';
import { adminEn } from './areas/admin.en';
import { portalEn } from './areas/portal.en';
import { complaintsEn } from './areas/complaints.en';
import { returnsEn } from './areas/returns.en';
import { repairsEn } from './areas/repairs.en';
import { slaEn } from './areas/sla.en';
import { dutyEn } from './areas/duty.en';
import { calendarsEn } from './areas/calendars.en';
import { slaPoliciesEn } from './areas/slaPolicies.en';
import { automationEn } from './areas/automation.en';
import { acceptanceSmsEn } from './areas/acceptanceSms.en';
import { portalQuoteEn } from './areas/portalQuote.en';
import { portalRequestEn } from './areas/portalRequest.en';
import { serviceWorkEn } from './areas/serviceWork.en';
import { notificationsEn } from './areas/notifications.en';
import type { MessageKey } from './zh-CN';

/** English texts; the type makes a missing key a compile error. */
export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...workOrdersEn,
  ...customersEn,
  ...adminEn,
  ...portalEn,
  ...complaintsEn,
  ...returnsEn,
  ...repairsEn,
  ...portalRequestEn,
  ...serviceWorkEn,
  ...portalQuoteEn,
  ...acceptanceSmsEn,
  ...calendarsEn,
  ...slaPoliciesEn,
  ...automationEn,
  ...dutyEn,
  ...slaEn,
  ...notificationsEn,
};
