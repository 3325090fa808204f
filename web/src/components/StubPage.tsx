import { Card, Empty, Typography } from 'antd';
import { type MessageKey, useT } from '../i18n';

/** A page whose area exists in the menu while its API is being built. */
export function StubPage({ title }: { title: MessageKey }) {
  const t = useT();
  return (
    <Card>
      <Typography.Title level={4}>{t(title)}</Typography.Title>
      <Empty description={t('common.comingSoon')} />
    </Card>
  );
}
