/**
 * Route guards for convenience only: they decide what to show, while the
 * server decides what is allowed and refuses everything else regardless.
 */
import { Button, Result } from 'antd';
import { type ReactNode, useContext } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Abilities } from '../api/types';
import { PageLoading } from '../components/PageLoading';
import { useT } from '../i18n';
import { CurrentUserContext, homePath, useMe } from './useMe';

export function RequireLogin({ staffOnly = false }: { staffOnly?: boolean }) {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (staffOnly && me.role === 'customer') return <Navigate to="/portal" replace />;
  return (
    <CurrentUserContext.Provider value={me}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}

export function HomeRedirect() {
  const { data: me, isPending } = useMe();
  if (isPending) return <PageLoading />;
  return <Navigate to={me ? homePath(me) : '/login'} replace />;
}

export function RequireAbility({ ability, children }: { ability: keyof Abilities; children: ReactNode }) {
  const me = useContext(CurrentUserContext);
  // Like the server, a page one may not use looks like a page that does not exist.
  if (!me?.abilities[ability]) return <NotFoundPage />;
  return children;
}

export function NotFoundPage() {
  const t = useT();
  return <Result status="404" title="404" subTitle={t('common.notFound')} extra={<BackHome />} />;
}

function BackHome() {
  const t = useT();
  return (
    <Link to="/">
      <Button type="primary">{t('common.backHome')}</Button>
    </Link>
  );
}
