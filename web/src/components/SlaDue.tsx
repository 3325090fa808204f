/** A queue cell: the order's most urgent SLA due time, red once past due, with paused/met/breached as a tag. */
import { Tag, Typography } from 'antd';
import type { WorkOrderListItem } from '../api/workOrders';
import { type MessageKey, useT } from '../i18n';

export function SlaDue({ item }: { item: Pick<WorkOrderListItem, 'slaDueAt' | 'slaState'> }) {
  const t = useT();
  if (!item.slaState) return null;
  const overdue = item.slaDueAt !== null && new Date(item.slaDueAt).getTime() < Date.now();
  const state = item.slaState === 'running' && overdue ? 'breached' : item.slaState;
  return (
    <span data-testid="sla-due" data-state={state}>
      {item.slaDueAt ? <Typography.Text type={overdue ? 'danger' : undefined}>{new Date(item.slaDueAt).toLocaleString()}</Typography.Text> : null}
      {state !== 'running' ? (
        <Tag color={state === 'breached' ? 'error' : state === 'met' ? 'success' : 'default'} style={{ marginLeft: item.slaDueAt ? 6 : 0 }}>
          {t(`sla.state.${state}` as MessageKey)}
        </Tag>
      ) : null}
    </span>
  );
}
