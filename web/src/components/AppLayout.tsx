/**
 * The staff layout in the style of Ant Design Pro: dark side menu by area,
 * header with the user and language, breadcrumbs above each page. Below 768 px
 * the side menu moves into a drawer so technicians can work from a phone.
 */
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useT } from '../i18n';
import { useCurrentUser } from '../auth/useMe';
import { useRealtime } from '../realtime/useRealtime';
import { Breadcrumbs } from './Breadcrumbs';
import { LangSwitch } from './LangSwitch';
import { NotificationBell } from './NotificationBell';
import { PageLoading } from './PageLoading';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

function Brand() {
  const t = useT();
  return (
    <Typography.Title level={5} style={{ color: '#fff', margin: 0, padding: '16px 20px', whiteSpace: 'nowrap' }}>
      {t('app.shortName')}
    </Typography.Title>
  );
}

export function AppLayout() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  // useBreakpoint is empty on the first render; treat that as desktop to avoid a flash of the drawer button.
  const mobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // One live connection per tab: the bell and every open queue or order refetch from it.
  useRealtime(useCurrentUser().id);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {mobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand />
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider width={220} breakpoint="lg" collapsedWidth={64} style={{ position: 'sticky', top: 0, height: '100vh' }}>
          <Brand />
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 12px',
            position: 'sticky',
            top: 0,
            zIndex: 10,
            boxShadow: '0 1px 4px rgba(0,21,41,.08)',
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }}>
            {mobile ? (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('menu.open')}
                data-testid="menu-toggle"
                onClick={() => setDrawerOpen(true)}
              />
            ) : (
              <span />
            )}
            <Flex align="center" gap={4}>
              <NotificationBell />
              <LangSwitch compact={mobile} />
              <UserMenu compact={mobile} />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24 }}>
          <Breadcrumbs />
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
