/**
 * The repair part of a repair/maintenance work order page, for the office:
 * dispatch (technician of the order's team and the appointment window), the
 * visits, the quote with custom lines to approve (and lines to remove until
 * the customer accepts), the warranty with its override, the materials used
 * with their stock movements, and whether the customer accepted. Buttons follow
 * the server's abilities.
 */
import { Button, Card, Descriptions, Flex, Input, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTeams } from '../../api/identity';
import { repairApi, supervisorApi, useRepair, useRepairStep, yuan } from '../../api/repairs';
import type { WorkOrder } from '../../api/workOrders';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { OrderMaterials } from './OrderMaterials';
import { visitStatusKey } from './visitStatus';

const when = (iso: string) => new Date(iso).toLocaleString([], { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

export function RepairPanel({ order }: { order: WorkOrder }) {
  const t = useT();
  const showError = useApiError();
  const repair = useRepair(order.id);
  const teams = useTeams();
  const step = useRepairStep((fn: () => Promise<unknown>) => fn());
  const run = (fn: () => Promise<unknown>) => step.mutate(fn, { onError: (e) => showError(e) });
  const [technicianId, setTechnicianId] = useState<string>();
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [warrantyReason, setWarrantyReason] = useState('');

  const r = repair.data;
  if (!r) return <Card loading />;
  const technicians = (teams.data?.find((team) => team.id === order.team?.id)?.members ?? []).filter((m) => m.role === 'technician');

  return (
    <Card title={t('repair.title')} data-testid="repair-panel">
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'tech', label: t('repair.technician'), children: r.technician?.name ?? '—' },
            {
              key: 'warranty',
              label: t('repair.warranty'),
              children: (
                <Tag color={r.warranty.inWarranty ? 'green' : 'orange'}>
                  {t(r.warranty.inWarranty ? 'technician.inWarranty' : 'technician.outOfWarranty')}
                </Tag>
              ),
            },
            {
              key: 'acceptance',
              label: t('technician.acceptance'),
              children: r.acceptance.accepted ? t('technician.accepted') : t('repair.notAccepted'),
            },
          ]}
        />

        {r.visits.map((v) => (
          <Flex key={v.id} justify="space-between" gap={8} wrap>
            <Typography.Text>{`${when(v.appointmentStart)} – ${when(v.appointmentEnd)} · ${v.technician?.name ?? ''}`}</Typography.Text>
            <Tag>{t(visitStatusKey(v.status))}</Tag>
          </Flex>
        ))}

        {r.abilities.dispatch && (
          <Space wrap data-testid="repair-dispatch">
            <Select
              style={{ minWidth: 160 }}
              placeholder={t('repair.technician')}
              value={technicianId}
              onChange={setTechnicianId}
              options={technicians.map((m) => ({ value: m.userId, label: m.displayName }))}
            />
            <Input type="datetime-local" aria-label={t('repair.appointmentStart')} value={start} onChange={(e) => setStart(e.target.value)} />
            <Input type="datetime-local" aria-label={t('repair.appointmentEnd')} value={end} onChange={(e) => setEnd(e.target.value)} />
            <Input placeholder={t('repair.note')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
            <Button
              type="primary"
              data-testid="repair-dispatch-submit"
              disabled={!technicianId || !start || !end}
              onClick={() =>
                technicianId &&
                run(() =>
                  supervisorApi.dispatch(order.id, {
                    technicianId,
                    appointmentStart: new Date(start).toISOString(),
                    appointmentEnd: new Date(end).toISOString(),
                    ...(note.trim() ? { note: note.trim() } : {}),
                  }),
                )
              }
            >
              {t('repair.dispatch')}
            </Button>
          </Space>
        )}

        {r.quote.lines.length > 0 && (
          <Flex vertical gap={4}>
            {r.quote.lines.map((line) => (
              <Flex key={line.id} justify="space-between" gap={8} data-testid="repair-quote-line">
                <Typography.Text>{`${line.name} × ${line.quantity}${line.unit}`}</Typography.Text>
                <Space>
                  <Typography.Text delete={line.free}>{yuan(line.unitPriceCents * line.quantity)}</Typography.Text>
                  {line.approval === 'pending' &&
                    (r.abilities.supervise ? (
                      <Button size="small" onClick={() => run(() => supervisorApi.approveLine(order.id, line.id))}>
                        {t('repair.approve')}
                      </Button>
                    ) : (
                      <Tag color="gold">{t('repair.pendingApproval')}</Tag>
                    ))}
                  {r.abilities.editQuote && (
                    <Popconfirm title={t('quoteEdit.removeConfirm')} onConfirm={() => run(() => repairApi.removeLine(order.id, line.id))}>
                      <Button size="small" type="link" danger>
                        {t('quoteEdit.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              </Flex>
            ))}
            <Typography.Text strong>{`${t('technician.charged')} ${yuan(r.quote.chargedCents)}`}</Typography.Text>
          </Flex>
        )}

        <OrderMaterials repair={r} />

        {r.abilities.supervise && r.dispatched && r.quote.decision !== 'accepted' && (
          <Space wrap>
            <Input placeholder={t('repair.overrideReason')} value={warrantyReason} maxLength={500} onChange={(e) => setWarrantyReason(e.target.value)} />
            <Switch
              checkedChildren={t('repair.free')}
              unCheckedChildren={t('repair.chargeable')}
              checked={r.warranty.inWarranty}
              disabled={!warrantyReason.trim()}
              onChange={(inWarranty) => run(() => supervisorApi.overrideWarranty(order.id, inWarranty, warrantyReason.trim()))}
            />
          </Space>
        )}
      </Flex>
    </Card>
  );
}
