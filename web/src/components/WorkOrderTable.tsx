/**
 * The work order list used by the queues and by a customer's page; a compact list on a phone.
 * With `sort` the headers of sortable columns sort on the server; with `columnChoiceKey` the
 * user picks the columns shown (kept per user in this browser).
 */
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Grid, Popover, Space, Table, type TableColumnType, type TablePaginationConfig, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { WorkOrderListItem, WorkOrderSort } from '../api/workOrders';
import { useT } from '../i18n';
import { SimpleList } from './SimpleList';
import { useColumnChoice } from './useColumnChoice';
import { PriorityTag, StatusTag } from './WorkOrderTags';
import { SlaDue } from './SlaDue';

type Column = TableColumnType<WorkOrderListItem> & { key: string };

const DEFAULT_COLUMNS = ['subject', 'customer', 'type', 'status', 'priority', 'assignee', 'slaDue', 'createdAt'];
const SORTABLE: Record<string, WorkOrderSort['sort']> = { createdAt: 'createdAt', updatedAt: 'updatedAt', priority: 'priority', dueAt: 'dueAt', slaDue: 'slaDue' };

export interface SortState {
  value: WorkOrderSort;
  onChange: (sort: WorkOrderSort) => void;
}

export function WorkOrderTable({
  items,
  loading,
  pagination,
  showCustomer = true,
  sort,
  columnChoiceKey,
}: {
  items: WorkOrderListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig | false;
  showCustomer?: boolean;
  sort?: SortState;
  columnChoiceKey?: string;
}) {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const [chosen, choose] = useColumnChoice(columnChoiceKey ?? 'kefu.columns.none', DEFAULT_COLUMNS);
  if (phone) return <WorkOrderList items={items} loading={loading} pagination={pagination} />;
  const when = (at: string | null) => (at ? new Date(at).toLocaleString() : '');

  const optional: Column[] = [
    { title: t('workOrder.subject'), key: 'subject', dataIndex: 'subject', ellipsis: true },
    {
      title: t('workOrder.customer'),
      key: 'customer',
      render: (_, wo) => <Link to={`/customers/${wo.customer.id}`}>{wo.customer.name}</Link>,
    },
    { title: t('workOrder.type'), key: 'type', render: (_, wo) => wo.type.name },
    { title: t('workOrder.status'), key: 'status', render: (_, wo) => <StatusTag name={wo.status.name} category={wo.status.category} /> },
    { title: t('workOrder.priority'), key: 'priority', render: (_, wo) => <PriorityTag priority={wo.priority} /> },
    { title: t('workOrder.channel'), key: 'channel', render: (_, wo) => t(`channel.${wo.channel}`) },
    { title: t('workOrder.team'), key: 'team', render: (_, wo) => wo.team?.name ?? '' },
    {
      title: t('workOrder.assignee'),
      key: 'assignee',
      render: (_, wo) => wo.assignee?.displayName ?? wo.team?.name ?? t('workOrder.unassigned'),
    },
    { title: t('workOrder.firstContact'), key: 'firstContact', render: (_, wo) => wo.firstContact?.displayName ?? '' },
    { title: t('workOrder.tags'), key: 'tags', render: (_, wo) => wo.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
    { title: t('workOrder.createdAt'), key: 'createdAt', render: (_, wo) => when(wo.createdAt) },
    { title: t('workOrder.updatedAt'), key: 'updatedAt', render: (_, wo) => when(wo.updatedAt) },
    { title: t('workOrder.dueAt'), key: 'dueAt', render: (_, wo) => when(wo.dueAt) },
    { title: t('sla.column.due'), key: 'slaDue', render: (_, wo) => <SlaDue item={wo} /> },
  ];
  const offered = optional.filter((c) => showCustomer || c.key !== 'customer');
  const shown = columnChoiceKey ? offered.filter((c) => chosen.includes(c.key)) : offered.filter((c) => DEFAULT_COLUMNS.includes(c.key));
  const columns: Column[] = [
    {
      title: t('workOrder.number'),
      key: 'number',
      width: 170,
      fixed: 'left',
      render: (_, wo) => <Link to={`/work-orders/${wo.id}`}>{wo.number}</Link>,
    },
    ...shown.map((c) =>
      sort && SORTABLE[c.key]
        ? {
            ...c,
            sorter: true,
            sortDirections: ['descend', 'ascend'] as ('descend' | 'ascend')[],
            sortOrder: sort.value.sort === SORTABLE[c.key] ? (sort.value.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
          }
        : c,
    ),
  ];

  const chooser = columnChoiceKey ? (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('table.columns')}
      content={
        <Checkbox.Group value={chosen} onChange={(keys) => choose(keys.map(String))} data-testid="column-chooser-options">
          <Flex vertical gap={4}>
            {offered.map((c) => (
              <Checkbox key={c.key} value={c.key}>
                {c.title as string}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      }
    >
      <Button size="small" icon={<SettingOutlined />} data-testid="column-chooser">
        {t('table.columns')}
      </Button>
    </Popover>
  ) : null;

  return (
    <Flex vertical gap={8}>
      {chooser ? <Flex justify="end">{chooser}</Flex> : null}
      <Table<WorkOrderListItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        columns={columns}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (!sort || extra.action !== 'sort' || Array.isArray(sorter)) return;
          const key = SORTABLE[String(sorter.columnKey)];
          // Clicking a sorted column a third time goes back to the default: newest first.
          if (!key || !sorter.order) sort.onChange({ sort: 'createdAt', order: 'desc' });
          else sort.onChange({ sort: key, order: sorter.order === 'ascend' ? 'asc' : 'desc' });
        }}
      />
    </Flex>
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
