/** The form for the RMA's next step; only the steps the server lists as next, and only for those allowed. */
import { Button, Checkbox, Flex, Input, InputNumber, Radio, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { DECISIONS, type Decision, INSPECTION_RESULTS, type InspectionResult, type Rma, type RmaStep, useRmaStep } from '../../api/returns';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function RmaSteps({ rma }: { rma: Rma }) {
  const t = useT();
  const showError = useApiError();
  const step = useRmaStep();
  const [counted, setCounted] = useState<Record<string, number>>(() => Object.fromEntries(rma.items.map((i) => [i.id, i.quantity])));
  const [results, setResults] = useState<Record<string, InspectionResult>>({});
  const [decision, setDecision] = useState<{ decision: Decision; reason: string; charge?: number; override: boolean; inWarranty: boolean; overrideReason: string }>({
    decision: rma.requestedAction,
    reason: '',
    override: false,
    inWarranty: !rma.warranty.inWarranty,
    overrideReason: '',
  });
  const [shipment, setShipment] = useState({ carrier: '', trackingNo: '' });
  const send = (name: RmaStep, body: Record<string, unknown>) => step.mutate({ id: rma.workOrderId, step: name, body }, { onError: (e) => showError(e) });
  const next = rma.nextSteps;
  if (!rma.abilities.edit || !next.length) return null;

  const inWarranty = decision.override ? decision.inWarranty : rma.warranty.inWarranty;
  const decisionBody = () => ({
    decision: decision.decision,
    reason: decision.reason,
    ...(decision.decision !== 'reject' && !inWarranty ? { chargeCents: Math.round((decision.charge ?? 0) * 100) } : {}),
    ...(decision.override ? { warrantyOverride: decision.inWarranty, overrideReason: decision.overrideReason } : {}),
  });

  return (
    <Flex vertical gap={8} data-testid="rma-step">
      {next.includes('receipt') ? (
        <>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={rma.items}
            columns={[
              { title: t('rma.product'), dataIndex: 'product' },
              { title: t('rma.quantity'), dataIndex: 'quantity' },
              {
                title: t('rma.counted'),
                render: (_, item) => <InputNumber min={0} value={counted[item.id]} onChange={(v) => setCounted((prev) => ({ ...prev, [item.id]: v ?? 0 }))} />,
              },
            ]}
          />
          <Button type="primary" loading={step.isPending} onClick={() => send('receipt', { items: rma.items.map((i) => ({ itemId: i.id, receivedQuantity: counted[i.id] ?? 0 })) })} data-testid="rma-receive">
            {t('rma.step.receipt')}
          </Button>
        </>
      ) : null}
      {next.includes('inspection') ? (
        rma.abilities.inspect ? (
          <>
            {rma.items.map((item) => (
              <Flex key={item.id} gap={8} align="center">
                <Typography.Text style={{ flex: 1 }}>{item.product}</Typography.Text>
                <Select
                  style={{ width: 160 }}
                  value={results[item.id]}
                  placeholder={t('rma.inspectionResult')}
                  options={INSPECTION_RESULTS.map((r) => ({ value: r, label: t(`rma.result.${r}`) }))}
                  onChange={(r) => setResults((prev) => ({ ...prev, [item.id]: r }))}
                />
              </Flex>
            ))}
            <Button
              type="primary"
              disabled={rma.items.some((i) => !results[i.id])}
              loading={step.isPending}
              onClick={() => send('inspection', { items: rma.items.map((i) => ({ itemId: i.id, result: results[i.id] })) })}
            >
              {t('rma.step.inspection')}
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">{t('rma.waitingForQuality')}</Typography.Text>
        )
      ) : null}
      {next.includes('decision') ? (
        <>
          <Flex gap={8} wrap>
            <Select
              style={{ width: 140 }}
              value={decision.decision}
              options={DECISIONS.map((d) => ({ value: d, label: t(`rma.decision.${d}`) }))}
              onChange={(d) => setDecision((prev) => ({ ...prev, decision: d }))}
            />
            <Input style={{ flex: 1 }} maxLength={5000} value={decision.reason} placeholder={t('rma.reason')} onChange={(e) => setDecision((prev) => ({ ...prev, reason: e.target.value }))} />
            {decision.decision !== 'reject' && !inWarranty ? (
              <InputNumber min={0} precision={2} suffix={t('rma.yuan')} value={decision.charge} placeholder={t('rma.charge')} onChange={(v) => setDecision((prev) => ({ ...prev, charge: v ?? undefined }))} />
            ) : null}
          </Flex>
          {rma.abilities.overrideWarranty ? (
            <Flex gap={8} wrap align="center">
              <Checkbox checked={decision.override} onChange={(e) => setDecision((prev) => ({ ...prev, override: e.target.checked }))}>
                {t('rma.override')}
              </Checkbox>
              {decision.override ? (
                <>
                  <Radio.Group value={decision.inWarranty} onChange={(e) => setDecision((prev) => ({ ...prev, inWarranty: e.target.value }))}>
                    <Radio value={true}>{t('rma.inWarranty')}</Radio>
                    <Radio value={false}>{t('rma.outOfWarranty')}</Radio>
                  </Radio.Group>
                  <Input style={{ flex: 1 }} maxLength={2000} value={decision.overrideReason} placeholder={t('rma.overrideReason')} onChange={(e) => setDecision((prev) => ({ ...prev, overrideReason: e.target.value }))} />
                </>
              ) : null}
            </Flex>
          ) : null}
          <Button type="primary" loading={step.isPending} onClick={() => send('decision', decisionBody())}>
            {t('rma.step.decision')}
          </Button>
        </>
      ) : null}
      {next.includes('shipment') ? (
        <Flex gap={8} wrap>
          <Input style={{ width: 160 }} maxLength={100} value={shipment.carrier} placeholder={t('rma.carrier')} onChange={(e) => setShipment((prev) => ({ ...prev, carrier: e.target.value }))} />
          <Input style={{ flex: 1 }} maxLength={100} value={shipment.trackingNo} placeholder={t('rma.trackingNo')} onChange={(e) => setShipment((prev) => ({ ...prev, trackingNo: e.target.value }))} />
          <Button type="primary" disabled={!shipment.carrier.trim() || !shipment.trackingNo.trim()} loading={step.isPending} onClick={() => send('shipment', shipment)}>
            {t('rma.step.shipment')}
          </Button>
        </Flex>
      ) : null}
      {next.includes('close') ? (
        <Button loading={step.isPending} onClick={() => send('close', {})}>
          {t('rma.step.close')}
        </Button>
      ) : null}
    </Flex>
  );
}
