/** Simplified Chinese: the customer portal. */
export const portalZhCN = {
  'portal.title': '客户门户',
  'portal.welcome': '您好，{name}',
  'portal.requests': '我的工单',
  'portal.newRequest': '提交工单',
  'portal.submitted': '已提交，工单号 {number}',
  'portal.back': '返回我的工单',
  'portal.conversation': '沟通记录',
} as const;
