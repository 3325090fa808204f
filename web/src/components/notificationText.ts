/** A notification's words, in the reader's language, from its kind and the facts it carries. */
import type { Notification } from '../api/notifications';
import type { MessageKey, TFunction } from '../i18n';

const CLOCKS = ['firstResponse', 'nextResponse', 'resolution', 'callback', 'handling', 'complaintReply'];

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function notificationTitle(t: TFunction, n: Notification): string {
  const d = n.data;
  const clock = text(d.clock);
  const params = {
    number: text(d.number),
    actor: n.actor?.displayName ?? t('notifications.someone'),
    clock: CLOCKS.includes(clock) ? t(`notifications.clock.${clock}` as MessageKey) : clock,
    percent: text(d.percent),
    ruleName: text(d.ruleName),
  };
  const key: MessageKey = n.kind === 'assigned' && d.transfer === true ? 'notifications.kind.transferred' : `notifications.kind.${n.kind}`;
  return t(key, params);
}

/** The second line: what was said, or what the order is about. */
export function notificationDetail(t: TFunction, n: Notification): string {
  const d = n.data;
  if (text(d.excerpt)) return text(d.excerpt);
  if (n.kind === 'rule' && text(d.message)) return text(d.message);
  if (n.kind === 'assigned' && text(d.reason)) return `${text(d.subject)} · ${t('notifications.reason', { reason: text(d.reason) })}`;
  return text(d.subject);
}
