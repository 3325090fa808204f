import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../auth/useMe';
import { useT } from '../i18n';
import { RoleTag } from './RoleTag';

/** Name and role of who is logged in, with the way to their account and out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const me = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'me', icon: <UserOutlined />, label: t('menu.me') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('auth.logout')}</span> },
        ],
        onClick: ({ key }) => {
          if (key === 'me') navigate(me.role === 'customer' ? '/portal/me' : '/me');
          if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login') });
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 'auto' }}>
        <Space size={6}>
          <Avatar size="small" icon={<UserOutlined />} />
          <Typography.Text data-testid="user-name" ellipsis style={{ maxWidth: compact ? 96 : 200 }}>
            {me.displayName}
          </Typography.Text>
          {compact ? null : <RoleTag role={me.role} />}
        </Space>
      </Button>
    </Dropdown>
  );
}
