/**
 * The return/exchange/repair form (RMA) of a work order: opening it with its
 * items, then its state (items, warranty, decision, shipment) and the next step.
 * Until the goods are received the items can still be added, changed or removed.
 */
import { Button, Card, Descriptions, Flex, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type NewRmaItem, REQUESTED_ACTIONS, type RequestedAction, type RmaItem, useCreateRma, useRma } from '../../api/returns';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { RmaItemsEditor } from './RmaItemsEditor';
import { RmaSteps } from './RmaSteps';

const EMPTY: NewRmaItem = { product: '', serial: '', quantity: 1, faultDescription: '' };

type AssetRef = { id: string; name: string } | null;

/** The order's asset starts the first item, so its warranty counts. */
function CreateRma({ workOrderId, asset }: { workOrderId: string; asset: AssetRef }) {
  const t = useT();
  const showError = useApiError();
  const create = useCreateRma();
  const [action, setAction] = useState<RequestedAction>('exchange');
  const [items, setItems] = useState<NewRmaItem[]>([asset ? { ...EMPTY, assetId: asset.id, product: asset.name } : { ...EMPTY }]);
  const change = (index: number, patch: Partial<NewRmaItem>) => setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Flex vertical gap={8}>
      <Select style={{ width: 160 }} value={action} options={REQUESTED_ACTIONS.map((a) => ({ value: a, label: t(`rma.decision.${a}`) }))} onChange={setAction} />
      {items.map((item, index) => (
        // Rows have no identity of their own before they are saved.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Flex key={index} gap={8} wrap>
          <Input style={{ flex: 1, minWidth: 140 }} maxLength={200} value={item.product} placeholder={t('rma.product')} onChange={(e) => change(index, { product: e.target.value })} data-testid="rma-item-product" />
          <Input style={{ width: 140 }} maxLength={100} value={item.serial} placeholder={t('rma.serial')} onChange={(e) => change(index, { serial: e.target.value })} />
          <InputNumber min={1} value={item.quantity} onChange={(v) => change(index, { quantity: v ?? 1 })} />
          <Input style={{ flex: 2, minWidth: 160 }} maxLength={5000} value={item.faultDescription} placeholder={t('rma.fault')} onChange={(e) => change(index, { faultDescription: e.target.value })} />
        </Flex>
      ))}
      <Flex gap={8}>
        <Button onClick={() => setItems([...items, { ...EMPTY }])}>{t('rma.addItem')}</Button>
        <Button
          type="primary"
          disabled={items.some((i) => !i.product.trim())}
          loading={create.isPending}
          onClick={() => create.mutate({ id: workOrderId, requestedAction: action, items }, { onError: (e) => showError(e) })}
          data-testid="rma-create"
        >
          {t('rma.create')}
        </Button>
      </Flex>
    </Flex>
  );
}

export function RmaPanel({ workOrderId, canCreate, asset }: { workOrderId: string; canCreate: boolean; asset: AssetRef }) {
  const t = useT();
  const query = useRma(workOrderId);
  if (query.isPending) return null;
  const rma = query.data;
  if (!rma) return canCreate ? <Card title={t('rma.title')}><CreateRma workOrderId={workOrderId} asset={asset} /></Card> : null;
  const money = (cents: number) => (cents / 100).toFixed(2);
  return (
    <Card
      title={t('rma.title')}
      extra={
        <Flex gap={4}>
          <Tag>{t(`rma.status.${rma.status}`)}</Tag>
          <Tag color={rma.warranty.inWarranty ? 'green' : 'orange'}>{rma.warranty.inWarranty ? t('rma.inWarranty') : t('rma.outOfWarranty')}</Tag>
        </Flex>
      }
      data-testid="rma-panel"
    >
      <Flex vertical gap={12}>
        {rma.abilities.editItems ? (
          <RmaItemsEditor rma={rma} />
        ) : (
          <Table<RmaItem>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={rma.items}
            columns={[
              { title: t('rma.product'), dataIndex: 'product' },
              { title: t('rma.serial'), dataIndex: 'serial' },
              { title: t('rma.quantity'), dataIndex: 'quantity' },
              {
                title: t('rma.counted'),
                render: (_, i) => (i.receivedQuantity === null ? '—' : <Typography.Text type={i.quantityMismatch ? 'danger' : undefined}>{i.receivedQuantity}</Typography.Text>),
              },
              { title: t('rma.inspectionResult'), render: (_, i) => (i.inspectionResult ? t(`rma.result.${i.inspectionResult}`) : '—') },
              { title: t('rma.fault'), dataIndex: 'faultDescription' },
            ]}
          />
        )}
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'a', label: t('rma.requested'), children: t(`rma.decision.${rma.requestedAction}`) },
            ...(rma.decision
              ? [
                  {
                    key: 'd',
                    label: t('rma.decisionLabel'),
                    children: `${t(`rma.decision.${rma.decision.decision}`)}${rma.decision.chargeable ? ` · ${t('rma.charge')} ${money(rma.decision.chargeCents)} ${t('rma.yuan')}` : ''}${rma.decision.reason ? ` · ${rma.decision.reason}` : ''}`,
                  },
                ]
              : []),
            ...(rma.warranty.overrideReason ? [{ key: 'o', label: t('rma.overrideReason'), children: rma.warranty.overrideReason }] : []),
            ...(rma.shipment ? [{ key: 's', label: t('rma.step.shipment'), children: `${rma.shipment.carrier} ${rma.shipment.trackingNo}` }] : []),
          ]}
        />
        {/* Counts start from the items' quantities, so the step form starts over when the items change. */}
        <RmaSteps key={`${rma.status}:${rma.items.map((i) => `${i.id}×${i.quantity}`).join()}`} rma={rma} />
      </Flex>
    </Card>
  );
}
