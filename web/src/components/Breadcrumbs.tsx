import { Breadcrumb } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n';
import { navTrail } from '../nav';

export function Breadcrumbs() {
  const t = useT();
  const trail = navTrail(useLocation().pathname);
  const items = [
    { key: 'home', title: <Link to="/">{t('common.home')}</Link> },
    ...trail.map((item, index) => ({
      key: item.path,
      // Earlier steps link back to their page; areas with sub-pages have no page of their own.
      title: index < trail.length - 1 && !item.children ? <Link to={item.path}>{t(item.label)}</Link> : t(item.label),
    })),
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 16 }} />;
}
