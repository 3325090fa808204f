/** The order of RMA steps: which step the form's state allows next. */
import { conflict } from '../../lib/errors.ts';
import type { RmaDecision, RmaStatus } from './tables.ts';

export type Step = 'receipt' | 'inspection' | 'decision' | 'shipment' | 'close';

/** Return (refund) has nothing to ship; a rejected item may be sent back or kept for collection. */
export function nextSteps(form: { status: RmaStatus; decision: RmaDecision | null }): Step[] {
  switch (form.status) {
    case 'requested':
      return ['receipt'];
    case 'received':
      return ['inspection'];
    case 'inspected':
      return ['decision'];
    case 'decided':
      if (form.decision === 'return') return ['close'];
      if (form.decision === 'reject') return ['shipment', 'close'];
      return ['shipment'];
    case 'shipped':
      return ['close'];
    default:
      return [];
  }
}

/** Items describe what the customer sends; once the warehouse counted them they are the record of the receipt. */
export function itemsEditable(form: { status: RmaStatus }): boolean {
  return form.status === 'requested';
}

export function checkItemsEditable(form: { status: RmaStatus }): void {
  if (!itemsEditable(form)) throw conflict('RMA_ITEMS_LOCKED', { status: form.status }, { status: form.status });
}

export function checkStep(form: { status: RmaStatus; decision: RmaDecision | null }, step: Step): void {
  if (!nextSteps(form).includes(step)) throw conflict('RMA_STEP_OUT_OF_ORDER', { status: form.status, step }, { status: form.status, step });
}
