/**
 * Tells the technician honestly what happened to the acceptance code's SMS:
 * on its way, sent, not sent because no gateway is configured, retrying, or
 * failed. While it is on its way the repair is re-read, so the line changes
 * by itself once the server knows.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useEffect } from 'react';
import type { OutboundMessage } from '../../api/outbound';
import { useT } from '../../i18n';

export function CodeMessageStatus({ workOrderId, message }: { workOrderId: string; message: OutboundMessage | null | undefined }) {
  const t = useT();
  const queryClient = useQueryClient();
  const inFlight = message?.status === 'queued' && message.reason !== 'NO_GATEWAY';
  useEffect(() => {
    if (!inFlight) return;
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: ['repairs', workOrderId] }), 1500);
    return () => clearInterval(timer);
  }, [inFlight, queryClient, workOrderId]);
  if (!message) return null;

  const phone = message.recipient;
  if (message.status === 'sent') {
    const time = message.sentAt ? new Date(message.sentAt).toLocaleTimeString() : '';
    return (
      <Typography.Text type="success" data-testid="code-sms-status">
        {t('acceptanceSms.sent', { phone, time })}
      </Typography.Text>
    );
  }
  if (message.reason === 'NO_GATEWAY') {
    return <Alert type="warning" showIcon data-testid="code-sms-status" title={t('acceptanceSms.noGateway')} />;
  }
  if (message.status === 'failed') {
    const text = message.reason === 'EXPIRED' ? t('acceptanceSms.expired') : t('acceptanceSms.failed', { error: message.error ?? '' });
    return <Alert type="error" showIcon data-testid="code-sms-status" title={text} />;
  }
  if (message.reason === 'GATEWAY_ERROR') {
    return (
      <Typography.Text type="warning" data-testid="code-sms-status">
        {t('acceptanceSms.retrying', { attempts: message.attempts, error: message.error ?? '' })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary" data-testid="code-sms-status">
      {t('acceptanceSms.sending', { phone })}
    </Typography.Text>
  );
}
