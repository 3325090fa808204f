import { Tag } from 'antd';
import type { Priority, StatusCategory } from '../api/workOrders';
import { useT } from '../i18n';

const CATEGORY_COLORS: Record<StatusCategory, string> = {
  new: 'blue',
  open: 'processing',
  pending: 'warning',
  resolved: 'success',
  closed: 'default',
};
const PRIORITY_COLORS: Record<Priority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };

/** A status by its workflow name, coloured by its category. */
export function StatusTag({ name, category }: { name: string; category: StatusCategory }) {
  return <Tag color={CATEGORY_COLORS[category]}>{name}</Tag>;
}

export function PriorityTag({ priority }: { priority: Priority }) {
  const t = useT();
  return <Tag color={PRIORITY_COLORS[priority]}>{t(`priority.${priority}`)}</Tag>;
}
