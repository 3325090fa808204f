/** The work order's events, oldest first; reply and note texts are shown as plain text. */
import { Empty, Tag, Timeline as AntTimeline, Typography } from 'antd';
import { type TimelineItem, useTimeline, useWorkOrderTypes, type WorkOrder } from '../../api/workOrders';
import { type MessageKey, useT } from '../../i18n';
import { zhCN } from '../../i18n/zh-CN';

/** Events of process modules (complaints, returns, …) are described once their `event.<type>` text exists. */
const isKnown = (type: string) => `event.${type}` in zhCN;

export function Timeline({ order }: { order: WorkOrder }) {
  const t = useT();
  const timeline = useTimeline(order.id);
  const types = useWorkOrderTypes();
  const statuses = types.data?.find((type) => type.key === order.type.key)?.workflow.statuses ?? [];
  const statusName = (key: unknown) => statuses.find((s) => s.key === key)?.label ?? String(key ?? '');

  const describe = (item: TimelineItem) => {
    if (!isKnown(item.type)) return item.type;
    const key = `event.${item.type}` as MessageKey;
    if (item.type === 'automation.ruleRan') return t(key, { name: String(item.data.ruleName ?? '') });
    if (item.type.startsWith('sla.')) {
      const clock = `sla.clock.${String(item.data.clock)}`;
      return t(key, { clock: clock in zhCN ? t(clock as MessageKey) : String(item.data.clock ?? ''), percent: String(item.data.percent ?? '') });
    }
    return item.type === 'workOrder.statusChanged' ? t(key, { from: statusName(item.data.from), to: statusName(item.data.to) }) : t(key);
  };
  /** Changes an automation rule made carry the rule (see the server's events/record.ts). */
  const ruleOf = (item: TimelineItem) => {
    const rule = item.data.rule as { name?: unknown } | undefined;
    return item.type !== 'automation.ruleRan' && typeof rule?.name === 'string' ? rule.name : null;
  };

  if (!timeline.data?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />;
  return (
    <AntTimeline
      data-testid="timeline"
      items={timeline.data.map((item) => ({
        key: item.id,
        color: item.public ? 'blue' : 'gray',
        content: (
          <>
            <Typography.Text strong>{item.actor?.displayName ?? t('event.system')}</Typography.Text> {describe(item)}{' '}
            {ruleOf(item) ? <Tag color="purple">{t('automation.byRule', { name: ruleOf(item) ?? '' })}</Tag> : null}
            {item.public ? null : <Tag>{t('workOrder.internal')}</Tag>}
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {new Date(item.at).toLocaleString()}
            </Typography.Text>
            {typeof item.data.body === 'string' ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4, marginBottom: 0 }}>
                {item.data.body}
              </Typography.Paragraph>
            ) : null}
          </>
        ),
      }))}
    />
  );
}
