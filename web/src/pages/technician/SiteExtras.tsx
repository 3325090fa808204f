/**
 * The less frequent on-site steps: "nobody home" (the note left and a new
 * appointment; the order stays open) and materials used, from stock or
 * supplied by the customer.
 */
import { Button, Card, Checkbox, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { codeApi, type Repair, siteApi, useStockItems, type Visit } from '../../api/repairs';
import { useT } from '../../i18n';
import { CodeMessageStatus } from './CodeMessageStatus';

type Run = (fn: () => Promise<unknown>) => void;

export function NobodyHome({ orderId, visit, run }: { orderId: string; visit: Visit; run: Run }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [noteLeft, setNoteLeft] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  if (!open) return <Button onClick={() => setOpen(true)}>{t('technician.nobodyHome')}</Button>;
  return (
    <Flex vertical gap={8}>
      <Input.TextArea placeholder={t('technician.noteLeft')} value={noteLeft} maxLength={1000} onChange={(e) => setNoteLeft(e.target.value)} />
      <Input type="datetime-local" aria-label={t('repair.appointmentStart')} value={start} onChange={(e) => setStart(e.target.value)} />
      <Input type="datetime-local" aria-label={t('repair.appointmentEnd')} value={end} onChange={(e) => setEnd(e.target.value)} />
      <Button
        type="primary"
        disabled={!noteLeft.trim() || !start || !end}
        onClick={() =>
          run(() =>
            siteApi.nobodyHome(orderId, visit.id, {
              noteLeft: noteLeft.trim(),
              nextAppointmentStart: new Date(start).toISOString(),
              nextAppointmentEnd: new Date(end).toISOString(),
            }),
          )
        }
      >
        {t('technician.proposeAppointment')}
      </Button>
    </Flex>
  );
}

export function Materials({ repair, run }: { repair: Repair; run: Run }) {
  const t = useT();
  const stock = useStockItems();
  const [stockItemId, setStockItemId] = useState<string>();
  const [quantity, setQuantity] = useState(1);
  const [customerSupplied, setCustomerSupplied] = useState(false);
  const id = repair.workOrderId;
  return (
    <Card size="small" title={t('technician.materials')}>
      <Flex vertical gap={8}>
        {repair.materials.map((m) => (
          <Flex key={m.id} justify="space-between" gap={8}>
            <Typography.Text>
              {`${m.stockItem.name} × ${m.quantity}${m.stockItem.unit}`}
              {m.customerSupplied ? ` · ${t('technician.customerSupplied')}` : ''}
            </Typography.Text>
            <Button size="small" onClick={() => run(() => siteApi.returnMaterial(id, m.id))}>
              {t('technician.returnMaterial')}
            </Button>
          </Flex>
        ))}
        <Flex gap={8} wrap>
          <Select
            style={{ minWidth: 160, flex: 1 }}
            placeholder={t('technician.stockItem')}
            data-testid="stock-item"
            value={stockItemId}
            onChange={setStockItemId}
            options={(stock.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.quantityOnHand}${s.unit})` }))}
          />
          <InputNumber min={1} max={10000} precision={0} value={quantity} onChange={(v) => setQuantity(v ?? 1)} />
        </Flex>
        <Checkbox checked={customerSupplied} onChange={(e) => setCustomerSupplied(e.target.checked)}>
          {t('technician.customerSupplied')}
        </Checkbox>
        <Button
          disabled={!stockItemId}
          onClick={() => stockItemId && run(() => siteApi.addMaterial(id, { stockItemId, quantity, customerSupplied }))}
        >
          {t('technician.useMaterial')}
        </Button>
      </Flex>
    </Card>
  );
}

/** Acceptance by a 6-digit code sent to the contact's phone, when signing on the phone is not possible. */
export function CodeAcceptance({ repair, run }: { repair: Repair; run: Run }) {
  const t = useT();
  const [code, setCode] = useState('');
  const id = repair.workOrderId;
  return (
    <Flex vertical gap={8}>
      {repair.acceptance.codePending ? <CodeMessageStatus workOrderId={id} message={repair.acceptance.codeMessage} /> : null}
      <Flex gap={8} wrap>
        <Button data-testid="code-send" onClick={() => run(() => codeApi.send(id))}>
          {t(repair.acceptance.codePending ? 'technician.codeResend' : 'technician.codeSend')}
        </Button>
        {repair.acceptance.codePending && (
          <>
            <Input
              style={{ width: 120 }}
              inputMode="numeric"
              maxLength={6}
              placeholder={t('technician.codePlaceholder')}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
            <Button type="primary" data-testid="code-verify" disabled={code.length !== 6} onClick={() => run(() => codeApi.verify(id, code))}>
              {t('technician.codeVerify')}
            </Button>
          </>
        )}
      </Flex>
    </Flex>
  );
}
