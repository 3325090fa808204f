import { useState } from 'react';
import { useWorkOrders, type WorkOrderFilter } from '../../api/workOrders';
import { WorkOrderTable } from '../../components/WorkOrderTable';
import { useT } from '../../i18n';

/** Every work order of one customer that the user may see, newest first. */
export function CustomerWorkOrdersTab({ customerId }: { customerId: string }) {
  const t = useT();
  const [filter, setFilter] = useState<WorkOrderFilter>({ view: 'all', customerId, page: 1, pageSize: 10 });
  const orders = useWorkOrders(filter);
  return (
    <WorkOrderTable
      showCustomer={false}
      items={orders.data?.items}
      loading={orders.isFetching}
      pagination={{
        current: filter.page,
        pageSize: filter.pageSize,
        total: orders.data?.total ?? 0,
        showTotal: (total) => t('common.total', { total }),
        onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
      }}
    />
  );
}
