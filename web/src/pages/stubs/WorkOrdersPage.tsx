import { StubPage } from '../../components/StubPage';

export default function WorkOrdersPage() {
  return <StubPage title="workOrders.title" />;
}
