import { StubPage } from '../../components/StubPage';

export default function WorkspacePage() {
  return <StubPage title="workspace.title" />;
}
