/** 客服工作台: log a call at once, and see my open work and what still waits for someone. */
import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useWorkOrders, type View } from '../../api/workOrders';
import { useCurrentUser } from '../../auth/useMe';
import { WorkOrderTable } from '../../components/WorkOrderTable';
import { useT } from '../../i18n';
import { OnDutyNowCard } from '../duty/OnDutyCard';

function Queue({ view }: { view: View }) {
  const t = useT();
  const orders = useWorkOrders({ view, statusCategory: 'new,open,pending', page: 1, pageSize: 5 });
  return (
    <Card
      title={`${t(`view.${view}`)} (${orders.data?.total ?? 0})`}
      extra={<Link to="/work-orders">{t('workOrders.title')}</Link>}
      data-testid={`queue-${view}`}
    >
      <WorkOrderTable items={orders.data?.items} loading={orders.isFetching} pagination={false} />
    </Card>
  );
}

export default function WorkspacePage() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('workspace.title')}
          </Typography.Title>
          <Link to="/work-orders/new">
            <Button type="primary" size="large" icon={<PhoneOutlined />} data-testid="workspace-log-call">
              {t('workOrder.createTitle')}
            </Button>
          </Link>
        </Flex>
      </Card>
      <OnDutyNowCard />
      <Queue view="mine" />
      {me.role === 'technician' ? null : <Queue view="unassigned" />}
    </Flex>
  );
}
