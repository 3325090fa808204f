import type { acceptanceSmsZhCN } from './acceptanceSms.zh-CN';

export const acceptanceSmsEn: Record<keyof typeof acceptanceSmsZhCN, string> = {
  'acceptanceSms.sending': 'Code created; sending the SMS to {phone}…',
  'acceptanceSms.sent': 'SMS sent to {phone} ({time})',
  'acceptanceSms.noGateway':
    'Code created, but no SMS was sent: no SMS gateway is configured. Use the customer’s signature instead, or ask an administrator to configure the SMS gateway.',
  'acceptanceSms.retrying': 'Sending the SMS failed; retrying ({attempts} tries so far): {error}',
  'acceptanceSms.failed': 'The SMS could not be sent: {error}. Send a new code or use the customer’s signature.',
  'acceptanceSms.expired': 'The code expired before the SMS was sent. Send a new one.',
  'event.outbound.smsSent': 'sent an SMS',
  'event.outbound.smsFailed': 'SMS could not be sent',
};
