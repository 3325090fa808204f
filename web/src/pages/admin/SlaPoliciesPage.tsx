/** 系统管理 › SLA 策略: policies in match order (moved up and down), created and edited in a dialog. */
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCalendars } from '../../api/calendars';
import { useServiceTiers } from '../../api/customers';
import { type SlaPolicy, useReorderSlaPolicies, useSlaPolicies } from '../../api/slaPolicies';
import { useWorkOrderTypes } from '../../api/workOrders';
import { useApiError } from '../../components/useApiError';
import { useLocalName } from '../../components/useLocalName';
import { type MessageKey, useT } from '../../i18n';
import { formatDuration } from './slaPolicies/DurationInput';
import { SlaPolicyModal } from './slaPolicies/SlaPolicyModal';

export default function SlaPoliciesPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const localName = useLocalName();
  const policies = useSlaPolicies();
  const calendars = useCalendars(true);
  const tiers = useServiceTiers(true);
  const types = useWorkOrderTypes(true);
  const reorder = useReorderSlaPolicies();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const items = policies.data ?? [];

  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((p) => p.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    reorder.mutate(ids, { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) });
  };

  const calendarName = (id: string | null) => {
    if (id === null) return t('slaPolicies.defaultCalendar');
    const calendar = calendars.data?.find((c) => c.id === id);
    if (!calendar) return id;
    return calendar.archived ? `${calendar.name} (${t('calendars.archived')})` : calendar.name;
  };
  const tierName = (key: string) => {
    const tier = tiers.data?.find((x) => x.key === key);
    return tier ? localName(tier) : key;
  };
  const typeName = (key: string) => types.data?.find((x) => x.key === key)?.label ?? key;

  const matchTags = (p: SlaPolicy) => {
    const tags = [
      ...p.match.tierIds.map(tierName),
      ...p.match.typeKeys.map(typeName),
      ...p.match.priorities.map((x) => t(`priority.${x}` as MessageKey)),
      ...p.match.channels.map((x) => t(`channel.${x}` as MessageKey)),
    ];
    return tags.length ? tags.map((x) => <Tag key={x}>{x}</Tag>) : <Typography.Text type="secondary">{t('slaPolicies.any')}</Typography.Text>;
  };

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('slaPolicies.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="sla-policy-create">
          {t('slaPolicies.create')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('slaPolicies.intro')}</Typography.Paragraph>
      {policies.error && <Alert type="error" showIcon title={t('slaPolicies.unavailable', { message: policies.error.message })} style={{ marginBottom: 12 }} />}
      <Table<SlaPolicy>
        rowKey="id"
        size="middle"
        loading={policies.isFetching || reorder.isPending}
        pagination={false}
        scroll={{ x: 960 }}
        dataSource={items}
        locale={{ emptyText: t('slaPolicies.empty') }}
        data-testid="sla-policies"
        columns={[
          {
            title: t('slaPolicies.order'),
            key: 'order',
            width: 110,
            render: (_, p, index) => (
              <Space size={0}>
                <Typography.Text style={{ width: 24, display: 'inline-block' }}>{index + 1}</Typography.Text>
                <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={t('slaPolicies.moveUp')} disabled={index === 0} onClick={() => move(index, -1)} data-testid={`sla-up-${p.name}`} />
                <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={t('slaPolicies.moveDown')} disabled={index === items.length - 1} onClick={() => move(index, 1)} data-testid={`sla-down-${p.name}`} />
              </Space>
            ),
          },
          { title: t('slaPolicies.name'), dataIndex: 'name' },
          {
            title: t('slaPolicies.status'),
            key: 'active',
            render: (_, p) => (p.active ? <Tag color="green">{t('slaPolicies.active')}</Tag> : <Tag>{t('slaPolicies.inactive')}</Tag>),
          },
          { title: t('slaPolicies.match'), key: 'match', render: (_, p) => <Space size={[0, 4]} wrap>{matchTags(p)}</Space> },
          {
            title: t('slaPolicies.targets'),
            key: 'targets',
            render: (_, p) => (
              <Flex vertical>
                {p.targets.map((x) => (
                  <span key={x.clock}>
                    {t(`slaPolicies.clock.${x.clock}`)} ≤ {formatDuration(x.seconds, t)} · {t(`slaPolicies.mode.${x.mode}`)}
                  </span>
                ))}
              </Flex>
            ),
          },
          { title: t('slaPolicies.calendar'), key: 'calendar', render: (_, p) => calendarName(p.calendarId) },
          { title: t('slaPolicies.escalations'), key: 'esc', render: (_, p) => t('slaPolicies.stepsCount', { count: p.escalations.length }) },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, p) => (
              <Button type="link" size="small" onClick={() => setEditing(p)} data-testid={`sla-edit-${p.name}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <SlaPolicyModal policy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
