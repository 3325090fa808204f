import { StubPage } from '../../components/StubPage';

export default function CustomersPage() {
  return <StubPage title="customers.title" />;
}
