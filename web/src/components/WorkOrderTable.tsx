/** The work order list used by the queues and by a customer's page; a compact list on a phone. */
import { Grid, Space, Table, type TablePaginationConfig, Typography } from 'antd';
import { Link } from 'react-router';
import type { WorkOrderListItem } from '../api/workOrders';
import { useT } from '../i18n';
import { SimpleList } from './SimpleList';
import { PriorityTag, StatusTag } from './WorkOrderTags';

export function WorkOrderTable({
  items,
  loading,
  pagination,
  showCustomer = true,
}: {
  items: WorkOrderListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig | false;
  showCustomer?: boolean;
}) {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  if (phone) return <WorkOrderList items={items} loading={loading} pagination={pagination} />;
  return (
    <Table<WorkOrderListItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('workOrder.number'),
          dataIndex: 'number',
          width: 170,
          render: (n: string, wo) => <Link to={`/work-orders/${wo.id}`}>{n}</Link>,
        },
        { title: t('workOrder.subject'), dataIndex: 'subject', ellipsis: true },
        ...(showCustomer
          ? [
              {
                title: t('workOrder.customer'),
                key: 'customer',
                render: (_: unknown, wo: WorkOrderListItem) => <Link to={`/customers/${wo.customer.id}`}>{wo.customer.name}</Link>,
              },
            ]
          : []),
        { title: t('workOrder.type'), key: 'type', render: (_, wo) => wo.type.name },
        {
          title: t('workOrder.status'),
          key: 'status',
          render: (_, wo) => <StatusTag name={wo.status.name} category={wo.status.category} />,
        },
        {
          title: t('workOrder.priority'),
          dataIndex: 'priority',
          render: (p: WorkOrderListItem['priority']) => <PriorityTag priority={p} />,
        },
        {
          title: t('workOrder.assignee'),
          key: 'assignee',
          render: (_, wo) => wo.assignee?.displayName ?? wo.team?.name ?? t('workOrder.unassigned'),
        },
        { title: t('workOrder.createdAt'), dataIndex: 'createdAt', render: (at: string) => new Date(at).toLocaleString() },
      ]}
    />
  );
}

function WorkOrderList({
  items,
  loading,
  pagination,
}: {
  items: WorkOrderListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig | false;
}) {
  const t = useT();
  return (
    <SimpleList<WorkOrderListItem>
      items={items}
      loading={loading}
      rowKey={(wo) => wo.id}
      pagination={
        pagination === false
          ? false
          : { current: pagination.current, pageSize: pagination.pageSize, total: pagination.total, onChange: pagination.onChange }
      }
      renderItem={(wo) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Link to={`/work-orders/${wo.id}`}>{`${wo.number} ${wo.subject}`}</Link>
          <Space wrap size={4}>
            <StatusTag name={wo.status.name} category={wo.status.category} />
            <PriorityTag priority={wo.priority} />
            <Typography.Text type="secondary">{wo.customer.name}</Typography.Text>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {`${wo.assignee?.displayName ?? wo.team?.name ?? t('workOrder.unassigned')} · ${new Date(wo.createdAt).toLocaleString()}`}
          </Typography.Text>
        </Space>
      )}
    />
  );
}
