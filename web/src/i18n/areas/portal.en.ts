import type { portalZhCN } from './portal.zh-CN';

/** English: the customer portal. */
export const portalEn: Record<keyof typeof portalZhCN, string> = {
  'portal.title': 'Customer portal',
  'portal.welcome': 'Hello, {name}',
  'portal.requests': 'My requests',
  'portal.newRequest': 'New request',
  'portal.submitted': 'Submitted as {number}',
  'portal.back': 'Back to my requests',
  'portal.conversation': 'Conversation',
};
