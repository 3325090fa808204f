/**
 * One repair on the technician's phone: the visit's one-tap steps (depart,
 * arrive, complete), findings and solution, the quote from the price list or
 * custom lines (approved by a supervisor), the customer's signature, and
 * resolving once the customer accepted.
 */
import { Alert, Button, Card, Flex, Input, InputNumber, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { repairApi, usePriceItems, useRepair, useRepairStep, yuan } from '../../api/repairs';
import { useWorkOrder } from '../../api/workOrders';
import { StatusTag } from '../../components/WorkOrderTags';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { CustomQuoteLine } from './CustomQuoteLine';
import { SignaturePad } from './SignaturePad';
import { CodeAcceptance, Materials, NobodyHome } from './SiteExtras';
import { visitStatusKey } from './visitStatus';

export default function TechnicianVisitPage() {
  const { id = '' } = useParams();
  const t = useT();
  const showError = useApiError();
  const order = useWorkOrder(id);
  const repair = useRepair(id);
  const prices = usePriceItems();
  const [priceItemId, setPriceItemId] = useState<string>();
  const [quantity, setQuantity] = useState(1);
  const [findings, setFindings] = useState<string>();
  const [solution, setSolution] = useState<string>();
  const step = useRepairStep((fn: () => Promise<unknown>) => fn());
  const run = (fn: () => Promise<unknown>) => step.mutate(fn, { onError: (e) => showError(e) });

  const r = repair.data;
  if (!r || !order.data) return <Card loading />;
  const visit = r.visits.findLast((v) => v.status !== 'cancelled');
  const mine = r.abilities.actOnVisit && visit;
  const resolved = order.data.status.category === 'resolved' || order.data.status.category === 'closed';

  return (
    <Flex vertical gap={12} data-testid="technician-visit-page">
      <Card size="small">
        <Link to="/technician">{t('technician.back')}</Link>
        <Typography.Title level={5} style={{ margin: '8px 0 4px' }}>
          {order.data.subject}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">{order.data.number}</Typography.Text>
          <StatusTag name={order.data.status.name} category={order.data.status.category} />
          <Tag color={r.warranty.inWarranty ? 'green' : 'orange'} data-testid="warranty">
            {t(r.warranty.inWarranty ? 'technician.inWarranty' : 'technician.outOfWarranty')}
          </Tag>
        </Space>
      </Card>

      {visit && (
        <Card size="small" title={t('technician.visit')} extra={<Tag data-testid="visit-status">{t(visitStatusKey(visit.status))}</Tag>}>
          <Flex vertical gap={8}>
            {mine && (
              <Flex gap={8} wrap>
                {visit.status === 'scheduled' && (
                  <Button size="large" data-testid="depart" onClick={() => run(() => repairApi.visitStep(id, visit.id, 'depart'))}>
                    {t('technician.depart')}
                  </Button>
                )}
                {(visit.status === 'scheduled' || visit.status === 'en_route') && (
                  <Button size="large" type="primary" data-testid="arrive" onClick={() => run(() => repairApi.visitStep(id, visit.id, 'arrive'))}>
                    {t('technician.arrive')}
                  </Button>
                )}
                {visit.status === 'on_site' && (
                  <Button size="large" onClick={() => run(() => repairApi.visitStep(id, visit.id, 'complete'))}>
                    {t('technician.complete')}
                  </Button>
                )}
              </Flex>
            )}
            {mine && (visit.status === 'en_route' || visit.status === 'on_site') && <NobodyHome orderId={id} visit={visit} run={run} />}
            {mine && (visit.status === 'on_site' || visit.status === 'done') && (
              <>
                <Input.TextArea
                  placeholder={t('technician.findings')}
                  value={findings ?? visit.findings}
                  onChange={(e) => setFindings(e.target.value)}
                  maxLength={4000}
                  data-testid="findings"
                />
                <Input.TextArea
                  placeholder={t('technician.solution')}
                  value={solution ?? visit.solution}
                  onChange={(e) => setSolution(e.target.value)}
                  maxLength={4000}
                />
                <Button onClick={() => run(() => repairApi.record(id, visit.id, { findings, solution }))} data-testid="record">
                  {t('technician.record')}
                </Button>
              </>
            )}
          </Flex>
        </Card>
      )}

      <Card size="small" title={t('technician.quote')}>
        <Flex vertical gap={8}>
          {r.quote.lines.map((line) => (
            <Flex key={line.id} justify="space-between" align="center" gap={8} data-testid="quote-line">
              <Typography.Text>
                {`${line.name} × ${line.quantity}${line.unit}`}
                {line.approval === 'pending' && (
                  <Tag color="gold" style={{ marginInlineStart: 8 }}>
                    {t('quoteEdit.pending')}
                  </Tag>
                )}
              </Typography.Text>
              <Space size={4}>
                <Typography.Text delete={line.free}>{yuan(line.unitPriceCents * line.quantity)}</Typography.Text>
                {r.abilities.editQuote && (
                  <Popconfirm title={t('quoteEdit.removeConfirm')} onConfirm={() => run(() => repairApi.removeLine(id, line.id))}>
                    <Button size="small" type="link" danger>
                      {t('quoteEdit.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            </Flex>
          ))}
          <Flex justify="space-between">
            <Typography.Text strong>{t('technician.charged')}</Typography.Text>
            <Typography.Text strong data-testid="quote-charged">
              {yuan(r.quote.chargedCents)}
            </Typography.Text>
          </Flex>
          {r.quote.decision && <Tag>{t(r.quote.decision === 'accepted' ? 'technician.quoteAccepted' : 'technician.quoteRefused')}</Tag>}
          {r.quote.decision !== 'accepted' && mine && (
            <Flex gap={8} wrap>
              <Select
                style={{ minWidth: 180, flex: 1 }}
                placeholder={t('technician.priceItem')}
                value={priceItemId}
                onChange={setPriceItemId}
                data-testid="price-item"
                options={(prices.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} ${yuan(p.priceCents)}/${p.unit}` }))}
              />
              <InputNumber min={1} max={10000} precision={0} value={quantity} onChange={(v) => setQuantity(v ?? 1)} />
              <Button
                disabled={!priceItemId}
                data-testid="add-line"
                onClick={() => priceItemId && run(() => repairApi.addLine(id, priceItemId, quantity))}
              >
                {t('technician.addLine')}
              </Button>
            </Flex>
          )}
          {r.quote.decision !== 'accepted' && mine && <CustomQuoteLine orderId={id} />}
          {r.quote.decision !== 'accepted' && r.abilities.decideQuote && r.quote.lines.length > 0 && (
            <Flex gap={8}>
              <Button type="primary" data-testid="quote-accept" onClick={() => run(() => repairApi.decide(id, 'accept'))}>
                {t('technician.customerAccepts')}
              </Button>
              <Button onClick={() => run(() => repairApi.decide(id, 'refuse'))}>{t('technician.customerRefuses')}</Button>
            </Flex>
          )}
        </Flex>
      </Card>

      {mine && <Materials repair={r} run={run} />}

      <Card size="small" title={t('technician.acceptance')}>
        {r.acceptance.accepted ? (
          <Alert type="success" title={t('technician.accepted')} data-testid="accepted" />
        ) : (
          mine && (
            <Flex vertical gap={12}>
              <SignaturePad saving={step.isPending} onSave={(png) => run(() => repairApi.sign(id, png))} />
              <CodeAcceptance repair={r} run={run} />
            </Flex>
          )
        )}
      </Card>

      {r.acceptance.accepted && !resolved && (
        <Button type="primary" size="large" data-testid="resolve" onClick={() => run(() => repairApi.resolve(id))}>
          {t('technician.resolve')}
        </Button>
      )}
    </Flex>
  );
}
