/** 客户门户 home: the organisation's work orders and the way to open a new one. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useWorkOrders, type WorkOrderFilter } from '../../api/workOrders';
import { useCurrentUser } from '../../auth/useMe';
import { SimpleList } from '../../components/SimpleList';
import { StatusTag } from '../../components/WorkOrderTags';
import { useT } from '../../i18n';

export default function PortalHomePage() {
  const t = useT();
  const me = useCurrentUser();
  const [filter, setFilter] = useState<WorkOrderFilter>({ view: 'all', page: 1, pageSize: 10 });
  const orders = useWorkOrders(filter);
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('portal.welcome', { name: me.displayName })}
        </Typography.Title>
        <Link to="/portal/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="portal-new">
            {t('portal.newRequest')}
          </Button>
        </Link>
      </Flex>
      <Typography.Title level={5}>{t('portal.requests')}</Typography.Title>
      <SimpleList
        loading={orders.isFetching}
        items={orders.data?.items}
        rowKey={(wo) => wo.id}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: orders.data?.total ?? 0,
          onChange: (page) => setFilter((f) => ({ ...f, page })),
        }}
        renderItem={(wo) => (
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Flex vertical gap={2}>
              <Link to={`/portal/work-orders/${wo.id}`}>{wo.subject}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {`${wo.number} · ${new Date(wo.createdAt).toLocaleString()}`}
              </Typography.Text>
            </Flex>
            <StatusTag name={wo.status.name} category={wo.status.category} />
          </Flex>
        )}
      />
    </Card>
  );
}
