/** 工单: the queues (mine, my teams, unassigned, all, overdue) with search, filters and saved views. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SavedView } from '../../api/savedViews';
import { SLA_FILTERS, type SlaFilter } from '../../api/sla';
import { PRIORITIES, type Priority, STATUS_CATEGORIES, useWorkOrders, VIEWS, type View, type WorkOrderFilter } from '../../api/workOrders';
import { WorkOrderTable } from '../../components/WorkOrderTable';
import { useT } from '../../i18n';
import { SavedViewsBar } from './SavedViewsBar';
import { useCurrentUser } from '../../auth/useMe';

export default function WorkOrderListPage() {
  const t = useT();
  const me = useCurrentUser();
  const [filter, setFilter] = useState<WorkOrderFilter>({ view: 'mine', page: 1, pageSize: 20 });
  const [savedView, setSavedView] = useState<SavedView | null>(null);
  const orders = useWorkOrders(filter);
  const refine = (change: Partial<WorkOrderFilter>) => setFilter((f) => ({ ...f, ...change, page: 1 }));
  const { page: _page, pageSize, ...filters } = filter;

  const openView = (view: SavedView | null) => {
    setSavedView(view);
    setFilter({ view: 'all', ...(view?.filters ?? { view: 'mine' }), page: 1, pageSize });
  };

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('workOrders.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          <SavedViewsBar current={savedView} filters={filters} onOpen={openView} />
          <Link to="/work-orders/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="work-order-create">
              {t('workOrder.create')}
            </Button>
          </Link>
        </Flex>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Segmented<View>
          value={filter.view}
          options={VIEWS.map((view) => ({ value: view, label: t(`view.${view}`) }))}
          onChange={(view) => refine({ view })}
          data-testid="work-order-views"
        />
        <Input.Search
          key={savedView?.id ?? 'none'}
          allowClear
          defaultValue={filter.q}
          placeholder={t('workOrder.searchPlaceholder')}
          onSearch={(q) => refine({ q: q || undefined })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          mode="multiple"
          placeholder={t('workOrder.status')}
          style={{ minWidth: 160 }}
          value={filter.statusCategory ? filter.statusCategory.split(',') : []}
          options={STATUS_CATEGORIES.map((category) => ({ value: category, label: t(`statusCategory.${category}`) }))}
          onChange={(categories: string[]) => refine({ statusCategory: categories.length ? categories.join(',') : undefined })}
        />
        <Select
          allowClear
          placeholder={t('workOrder.priority')}
          style={{ width: 120 }}
          value={filter.priority}
          options={PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
          onChange={(priority?: Priority) => refine({ priority })}
        />
        <Select
          allowClear
          placeholder={t('sla.filter.placeholder')}
          style={{ width: 150 }}
          value={filter.sla}
          options={SLA_FILTERS.map((value) => ({ value, label: t(`sla.filter.${value}`) }))}
          onChange={(sla?: SlaFilter) => refine({ sla })}
          data-testid="sla-filter"
        />
      </Flex>
      <WorkOrderTable
        items={orders.data?.items}
        loading={orders.isFetching}
        columnChoiceKey={`kefu.workOrderColumns.${me.id}`}
        sort={{ value: { sort: filter.sort ?? 'createdAt', order: filter.order ?? 'desc' }, onChange: (sort) => refine(sort) }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: orders.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, size) => setFilter((f) => ({ ...f, page, pageSize: size })),
        }}
      />
    </Card>
  );
}
