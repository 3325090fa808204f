/**
 * The repair quote as the customer sees it in the portal: each line free under
 * warranty or charged, the total and what they pay, and — while the quote is
 * proposed — accept or refuse. The server decides when that is possible
 * (`abilities.decideQuote`); the panel only shows it.
 */
import { App, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { repairApi, useRepair, useRepairStep, yuan } from '../../api/repairs';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function PortalQuotePanel({ workOrderId }: { workOrderId: string }) {
  const t = useT();
  const { modal } = App.useApp();
  const showError = useApiError();
  const repair = useRepair(workOrderId);
  const decide = useRepairStep((decision: 'accept' | 'refuse') => repairApi.decide(workOrderId, decision));
  const r = repair.data;
  if (!r?.quote.lines.length) return null;
  const { quote } = r;

  const confirm = (decision: 'accept' | 'refuse') =>
    modal.confirm({
      title: decision === 'accept' ? t('portalQuote.acceptConfirm', { amount: yuan(quote.chargedCents) }) : t('portalQuote.refuseConfirm'),
      okText: t(decision === 'accept' ? 'portalQuote.accept' : 'portalQuote.refuse'),
      okButtonProps: { danger: decision === 'refuse' },
      onOk: () => decide.mutateAsync(decision).catch(showError),
    });

  return (
    <Card title={t('portalQuote.title')} data-testid="portal-quote">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t(r.warranty.inWarranty ? 'portalQuote.inWarranty' : 'portalQuote.outOfWarranty')}</Typography.Text>
        {quote.lines.map((line) => (
          <Flex key={line.id} justify="space-between" align="center" gap={8} wrap data-testid="portal-quote-line">
            <Space orientation="vertical" size={0}>
              <Typography.Text>{line.name}</Typography.Text>
              <Typography.Text type="secondary">
                {t('portalQuote.line', { quantity: line.quantity, unit: line.unit, price: yuan(line.unitPriceCents) })}
              </Typography.Text>
            </Space>
            <Space>
              {line.approval === 'pending' ? <Tag color="gold">{t('portalQuote.pendingLine')}</Tag> : null}
              <Tag color={line.free ? 'green' : 'blue'}>{t(line.free ? 'portalQuote.free' : 'portalQuote.chargeable')}</Tag>
              <Typography.Text delete={line.free}>{yuan(line.amountCents)}</Typography.Text>
            </Space>
          </Flex>
        ))}
        <Flex justify="space-between">
          <Typography.Text>{t('portalQuote.total')}</Typography.Text>
          <Typography.Text data-testid="portal-quote-total">{yuan(quote.totalCents)}</Typography.Text>
        </Flex>
        <Flex justify="space-between">
          <Typography.Text strong>{t('portalQuote.toPay')}</Typography.Text>
          <Typography.Text strong data-testid="portal-quote-charged">
            {yuan(quote.chargedCents)}
          </Typography.Text>
        </Flex>
        {quote.decision ? (
          <Tag color={quote.decision === 'accepted' ? 'success' : 'warning'} data-testid="portal-quote-decision">
            {t(quote.decision === 'accepted' ? 'portalQuote.accepted' : 'portalQuote.refused')}
          </Tag>
        ) : null}
        {!quote.decision && quote.pendingApproval ? <Typography.Text type="warning">{t('portalQuote.pending')}</Typography.Text> : null}
        {r.abilities.decideQuote ? (
          <Flex gap={8} justify="flex-end">
            <Button danger onClick={() => confirm('refuse')} data-testid="portal-quote-refuse">
              {t('portalQuote.refuse')}
            </Button>
            <Button type="primary" onClick={() => confirm('accept')} data-testid="portal-quote-accept">
              {t('portalQuote.accept')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
