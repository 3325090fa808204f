/** The customer portal's plain layout: no staff menu, just who is logged in and the language. */
import { Flex, Layout, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useCurrentUser } from '../auth/useMe';
import { useT } from '../i18n';
import { useRealtime } from '../realtime/useRealtime';
import { LangSwitch } from './LangSwitch';
import { PageLoading } from './PageLoading';
import { UserMenu } from './UserMenu';

export function PortalLayout() {
  const t = useT();
  // The customer's open order and list refresh when staff answer.
  useRealtime(useCurrentUser().id);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', padding: '0 12px', boxShadow: '0 1px 4px rgba(0,21,41,.08)' }}>
        <Flex align="center" justify="space-between" style={{ height: '100%' }}>
          <Link to="/portal">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('menu.portal')}
            </Typography.Title>
          </Link>
          <Flex align="center" gap={4}>
            <LangSwitch compact />
            <UserMenu compact />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
