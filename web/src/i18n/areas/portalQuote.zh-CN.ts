/** Customer portal: the repair quote on the request page, accepted or refused by the customer. */
export const portalQuoteZhCN = {
  'portalQuote.title': '维修报价',
  'portalQuote.inWarranty': '在保修期内：人工和配件免费，上门等费用照常收取',
  'portalQuote.outOfWarranty': '不在保修期内：按收费标准收费',
  'portalQuote.free': '保修免费',
  'portalQuote.chargeable': '收费',
  'portalQuote.pendingLine': '审核中',
  'portalQuote.line': '{quantity}{unit} × {price}',
  'portalQuote.total': '合计',
  'portalQuote.toPay': '您需支付',
  'portalQuote.pending': '报价中有项目正在审核，审核后请您确认',
  'portalQuote.accept': '接受报价',
  'portalQuote.refuse': '拒绝报价',
  'portalQuote.acceptConfirm': '接受这份报价？您需支付 {amount}',
  'portalQuote.refuseConfirm': '拒绝这份报价？维修人员会与您联系调整',
  'portalQuote.accepted': '已接受报价',
  'portalQuote.refused': '已拒绝报价，维修人员会与您联系',
} as const;
