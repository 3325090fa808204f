/**
 * A quote line that is not on the price list (description, unit, quantity,
 * unit price typed in yuan and parsed to integer cents without floating point).
 * The server marks it as waiting for a supervisor's approval.
 */
import { Button, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { type CustomLine, PRICE_CATEGORIES, parseYuan, repairApi, useRepairStep } from '../../api/repairs';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

const EMPTY = { name: '', unit: '', price: '', quantity: 1, category: 'other' as (typeof PRICE_CATEGORIES)[number] };

export function CustomQuoteLine({ orderId }: { orderId: string }) {
  const t = useT();
  const showError = useApiError();
  // Its own mutation, so the typed line stays in the form when the server refuses it.
  const add = useRepairStep((v: { custom: CustomLine; quantity: number }) => repairApi.addCustomLine(orderId, v.custom, v.quantity));
  const [open, setOpen] = useState(false);
  const [line, setLine] = useState(EMPTY);
  if (!open) {
    return (
      <Button type="dashed" onClick={() => setOpen(true)} data-testid="custom-line-open">
        {t('quoteEdit.customLine')}
      </Button>
    );
  }
  const cents = parseYuan(line.price);
  const priceBad = line.price.trim() !== '' && cents === null;
  const ready = line.name.trim() && line.unit.trim() && cents !== null;
  const set = (patch: Partial<typeof EMPTY>) => setLine((prev) => ({ ...prev, ...patch }));
  return (
    <Flex vertical gap={8} data-testid="custom-line">
      <Typography.Text type="secondary">{t('quoteEdit.customHint')}</Typography.Text>
      <Input placeholder={t('quoteEdit.description')} maxLength={200} value={line.name} onChange={(e) => set({ name: e.target.value })} />
      <Flex gap={8} wrap>
        <Input style={{ width: 90 }} placeholder={t('quoteEdit.unit')} maxLength={20} value={line.unit} onChange={(e) => set({ unit: e.target.value })} />
        <InputNumber
          min={1}
          max={10000}
          precision={0}
          aria-label={t('quoteEdit.quantity')}
          value={line.quantity}
          onChange={(v) => set({ quantity: v ?? 1 })}
        />
        <Input
          style={{ width: 130 }}
          inputMode="decimal"
          placeholder={t('quoteEdit.unitPrice')}
          status={priceBad ? 'error' : undefined}
          value={line.price}
          onChange={(e) => set({ price: e.target.value })}
        />
        <Select
          style={{ width: 120 }}
          aria-label={t('repairConfig.categoryLabel')}
          value={line.category}
          onChange={(category) => set({ category })}
          options={PRICE_CATEGORIES.map((c) => ({ value: c, label: t(`repairConfig.category.${c}`) }))}
        />
      </Flex>
      {priceBad && <Typography.Text type="danger">{t('repairConfig.priceInvalid')}</Typography.Text>}
      <Flex gap={8}>
        <Button
          type="primary"
          disabled={!ready}
          loading={add.isPending}
          data-testid="custom-line-add"
          onClick={() => {
            if (cents === null) return;
            const custom = { name: line.name.trim(), unit: line.unit.trim(), category: line.category, unitPriceCents: cents };
            add.mutate(
              { custom, quantity: line.quantity },
              {
                onError: (e) => showError(e),
                onSuccess: () => {
                  setLine(EMPTY);
                  setOpen(false);
                },
              },
            );
          }}
        >
          {t('technician.addLine')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Flex>
    </Flex>
  );
}
