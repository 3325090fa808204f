import { Card, Empty, Typography } from 'antd';
import { useCurrentUser } from '../../auth/useMe';
import { useT } from '../../i18n';

export default function PortalHomePage() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <Card>
      <Typography.Title level={4}>{t('portal.welcome', { name: me.displayName })}</Typography.Title>
      <Empty description={t('common.comingSoon')} />
    </Card>
  );
}
