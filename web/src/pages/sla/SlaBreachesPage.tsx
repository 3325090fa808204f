/** SLA 超时记录: every clock that missed its target, newest first, for the orders the user can see. */
import { Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type BreachQuery, type SlaBreach, useSlaBreaches } from '../../api/sla';
import { SLA_CLOCKS, type SlaClock } from '../../api/slaPolicies';
import { type MessageKey, useT } from '../../i18n';

export default function SlaBreachesPage() {
  const t = useT();
  const [query, setQuery] = useState<BreachQuery>({ page: 1, pageSize: 20 });
  const breaches = useSlaBreaches(query);
  const when = (at: string) => new Date(at).toLocaleString();
  const clockName = (clock: SlaClock) => t(`sla.clock.${clock}` as MessageKey);

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('sla.breaches.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('sla.breaches.intro')}</Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('sla.breaches.clock')}
          style={{ width: 160 }}
          value={query.clock}
          options={SLA_CLOCKS.map((clock) => ({ value: clock, label: clockName(clock) }))}
          onChange={(clock?: SlaClock) => setQuery((q) => ({ ...q, clock, page: 1 }))}
        />
      </Flex>
      <Table<SlaBreach>
        rowKey="id"
        size="middle"
        data-testid="sla-breaches"
        loading={breaches.isFetching}
        dataSource={breaches.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: breaches.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
        columns={[
          { title: t('sla.breaches.number'), key: 'number', render: (_, b) => <Link to={`/work-orders/${b.workOrderId}`}>{b.number}</Link> },
          { title: t('sla.breaches.subject'), key: 'subject', dataIndex: 'subject', ellipsis: true },
          { title: t('sla.breaches.clock'), key: 'clock', render: (_, b) => clockName(b.clock) },
          { title: t('sla.breaches.policy'), key: 'policy', dataIndex: 'policyName' },
          { title: t('sla.breaches.dueAt'), key: 'dueAt', render: (_, b) => when(b.dueAt) },
          { title: t('sla.breaches.breachedAt'), key: 'breachedAt', render: (_, b) => when(b.breachedAt) },
        ]}
      />
    </Card>
  );
}
