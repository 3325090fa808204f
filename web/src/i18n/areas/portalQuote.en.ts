import type { portalQuoteZhCN } from './portalQuote.zh-CN';

export const portalQuoteEn: Record<keyof typeof portalQuoteZhCN, string> = {
  'portalQuote.title': 'Repair quote',
  'portalQuote.inWarranty': 'In warranty: labour and parts are free; call-out and other fees are charged',
  'portalQuote.outOfWarranty': 'Out of warranty: charged by the price list',
  'portalQuote.free': 'Free (warranty)',
  'portalQuote.chargeable': 'Charged',
  'portalQuote.pendingLine': 'Under review',
  'portalQuote.line': '{quantity} {unit} × {price}',
  'portalQuote.total': 'Total',
  'portalQuote.toPay': 'You pay',
  'portalQuote.pending': 'Part of the quote is under review; you will be asked to confirm afterwards',
  'portalQuote.accept': 'Accept quote',
  'portalQuote.refuse': 'Refuse quote',
  'portalQuote.acceptConfirm': 'Accept this quote? You pay {amount}',
  'portalQuote.refuseConfirm': 'Refuse this quote? The service team will contact you to adjust it',
  'portalQuote.accepted': 'Quote accepted',
  'portalQuote.refused': 'Quote refused; the service team will contact you',
};
