import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/useMe';
import { useT } from '../i18n';
import { type NavItem, navTrail, visibleNav } from '../nav';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const trail = navTrail(pathname);
  const toItem = (item: NavItem): NonNullable<MenuProps['items']>[number] => ({
    key: item.path,
    icon: item.icon,
    label: t(item.label),
    children: item.children?.map(toItem),
  });
  return (
    <Menu
      mode="inline"
      theme="dark"
      items={visibleNav(me).map(toItem)}
      selectedKeys={trail.length ? [trail[trail.length - 1]!.path] : []}
      defaultOpenKeys={trail.filter((item) => item.children).map((item) => item.path)}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
