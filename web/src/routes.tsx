/** Every page of the UI; each page is its own chunk, loaded when first visited. */
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { HomeRedirect, NotFoundPage, RequireAbility, RequireLogin } from './auth/guards';
import { AppLayout } from './components/AppLayout';
import { PortalLayout } from './components/PortalLayout';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const MePage = lazy(() => import('./pages/MePage'));
const WorkspacePage = lazy(() => import('./pages/stubs/WorkspacePage'));
const WorkOrdersPage = lazy(() => import('./pages/stubs/WorkOrdersPage'));
const CustomersPage = lazy(() => import('./pages/stubs/CustomersPage'));
const PortalHomePage = lazy(() => import('./pages/stubs/PortalHomePage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const TeamsPage = lazy(() => import('./pages/admin/TeamsPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/', element: <HomeRedirect /> },
  {
    element: <RequireLogin staffOnly />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: '/workspace', element: <WorkspacePage /> },
          { path: '/work-orders/*', element: <WorkOrdersPage /> },
          {
            path: '/customers/*',
            element: (
              <RequireAbility ability="manageCustomers">
                <CustomersPage />
              </RequireAbility>
            ),
          },
          {
            path: '/admin/users',
            element: (
              <RequireAbility ability="admin">
                <UsersPage />
              </RequireAbility>
            ),
          },
          {
            path: '/admin/teams',
            element: (
              <RequireAbility ability="admin">
                <TeamsPage />
              </RequireAbility>
            ),
          },
          { path: '/me', element: <MePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
  {
    path: '/portal',
    element: <RequireLogin />,
    children: [
      {
        element: <PortalLayout />,
        children: [
          { index: true, element: <PortalHomePage /> },
          { path: 'me', element: <MePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
