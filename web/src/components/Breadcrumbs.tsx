import { Breadcrumb } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n';
import { navTrail } from '../nav';

export function Breadcrumbs() {
  const t = useT();
  const { pathname } = useLocation();
  const trail = navTrail(pathname);
  const items = [
    { key: 'home', title: <Link to="/">{t('common.home')}</Link> },
    // A step links back to its page unless it is the page shown or an area without a page of its own.
    ...trail.map((item) => ({
      key: item.path,
      title: !item.children && pathname !== item.path ? <Link to={item.path}>{t(item.label)}</Link> : t(item.label),
    })),
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 16 }} />;
}
