/**
 * The items of an RMA form while they may still change (until the warehouse
 * receives the goods): change a row in place, remove it, or add another.
 * The server decides (abilities.editItems) and refuses edits after receipt.
 */
import { Button, Flex, Input, InputNumber, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { type NewRmaItem, type Rma, type RmaItem, type RmaItemEdit, useRmaItemEdit } from '../../api/returns';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

type Draft = Pick<NewRmaItem, 'product' | 'serial' | 'quantity' | 'faultDescription'>;
const EMPTY: Draft = { product: '', serial: '', quantity: 1, faultDescription: '' };

function DraftFields({ draft, onChange }: { draft: Draft; onChange: (patch: Partial<Draft>) => void }) {
  const t = useT();
  return (
    <>
      <Input style={{ flex: 1, minWidth: 140 }} maxLength={200} value={draft.product} placeholder={t('rma.product')} onChange={(e) => onChange({ product: e.target.value })} data-testid="rma-edit-product" />
      <Input style={{ width: 140 }} maxLength={100} value={draft.serial} placeholder={t('rma.serial')} onChange={(e) => onChange({ serial: e.target.value })} data-testid="rma-edit-serial" />
      <InputNumber min={1} max={100000} precision={0} aria-label={t('rma.quantity')} value={draft.quantity} onChange={(v) => onChange({ quantity: v ?? 1 })} data-testid="rma-edit-quantity" />
      <Input style={{ flex: 2, minWidth: 160 }} maxLength={5000} value={draft.faultDescription} placeholder={t('rma.fault')} onChange={(e) => onChange({ faultDescription: e.target.value })} />
    </>
  );
}

export function RmaItemsEditor({ rma }: { rma: Rma }) {
  const t = useT();
  const showError = useApiError();
  const edit = useRmaItemEdit();
  const [editing, setEditing] = useState<{ itemId: string; draft: Draft } | null>(null);
  const [adding, setAdding] = useState<Draft>(EMPTY);
  const send = (change: RmaItemEdit, done?: () => void) => edit.mutate(change, { onError: (e) => showError(e), onSuccess: () => done?.() });
  const trimmed = (d: Draft): Draft => ({ ...d, product: d.product.trim(), serial: d.serial.trim(), faultDescription: d.faultDescription.trim() });

  return (
    <Flex vertical gap={8} data-testid="rma-items-editor">
      <Table<RmaItem>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rma.items}
        columns={[
          {
            title: t('rma.product'),
            render: (_, item) =>
              editing?.itemId === item.id ? (
                <Flex gap={8} wrap>
                  <DraftFields draft={editing.draft} onChange={(patch) => setEditing({ itemId: item.id, draft: { ...editing.draft, ...patch } })} />
                </Flex>
              ) : (
                <Flex vertical>
                  <Typography.Text>{`${item.product}${item.serial ? ` · ${item.serial}` : ''} × ${item.quantity}`}</Typography.Text>
                  {item.faultDescription && <Typography.Text type="secondary">{item.faultDescription}</Typography.Text>}
                </Flex>
              ),
          },
          {
            title: '',
            key: 'actions',
            width: 150,
            render: (_, item) =>
              editing?.itemId === item.id ? (
                <Flex gap={4}>
                  <Button
                    size="small"
                    type="primary"
                    loading={edit.isPending}
                    disabled={!editing.draft.product.trim()}
                    data-testid="rma-item-save"
                    onClick={() => send({ id: rma.workOrderId, op: 'update', itemId: item.id, body: trimmed(editing.draft) }, () => setEditing(null))}
                  >
                    {t('rmaEdit.save')}
                  </Button>
                  <Button size="small" onClick={() => setEditing(null)}>
                    {t('common.cancel')}
                  </Button>
                </Flex>
              ) : (
                <Flex gap={4}>
                  <Button
                    size="small"
                    type="link"
                    data-testid="rma-item-edit"
                    onClick={() =>
                      setEditing({ itemId: item.id, draft: { product: item.product, serial: item.serial, quantity: item.quantity, faultDescription: item.faultDescription } })
                    }
                  >
                    {t('rmaEdit.edit')}
                  </Button>
                  {rma.items.length > 1 && (
                    <Popconfirm title={t('rmaEdit.removeConfirm')} onConfirm={() => send({ id: rma.workOrderId, op: 'remove', itemId: item.id })}>
                      <Button size="small" type="link" danger data-testid="rma-item-remove">
                        {t('rmaEdit.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </Flex>
              ),
          },
        ]}
      />
      <Flex gap={8} wrap data-testid="rma-item-add-row">
        <DraftFields draft={adding} onChange={(patch) => setAdding((prev) => ({ ...prev, ...patch }))} />
        <Button
          disabled={!adding.product.trim()}
          loading={edit.isPending}
          data-testid="rma-item-add"
          onClick={() => send({ id: rma.workOrderId, op: 'add', body: trimmed(adding) }, () => setAdding(EMPTY))}
        >
          {t('rmaEdit.addItem')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('rmaEdit.lockedHint')}</Typography.Text>
    </Flex>
  );
}
