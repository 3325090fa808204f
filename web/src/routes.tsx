/** Every page of the UI; each page is its own chunk, loaded when first visited. */
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { HomeRedirect, NotFoundPage, RequireAbility, RequireLogin } from './auth/guards';
import { AppLayout } from './components/AppLayout';
import { PortalLayout } from './components/PortalLayout';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const MePage = lazy(() => import('./pages/MePage'));
const WorkspacePage = lazy(() => import('./pages/workspace/WorkspacePage'));
const WorkOrderListPage = lazy(() => import('./pages/workOrders/WorkOrderListPage'));
const CreateWorkOrderPage = lazy(() => import('./pages/workOrders/CreateWorkOrderPage'));
const WorkOrderDetailPage = lazy(() => import('./pages/workOrders/WorkOrderDetailPage'));
const CustomerListPage = lazy(() => import('./pages/customers/CustomerListPage'));
const CustomerDetailPage = lazy(() => import('./pages/customers/CustomerDetailPage'));
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
          { path: '/work-orders', element: <WorkOrderListPage /> },
          { path: '/work-orders/new', element: <CreateWorkOrderPage /> },
          { path: '/work-orders/:id', element: <WorkOrderDetailPage /> },
          {
            path: '/customers',
            element: (
              <RequireAbility ability="manageCustomers">
                <CustomerListPage />
              </RequireAbility>
            ),
          },
          {
            path: '/customers/:id',
            element: (
              <RequireAbility ability="manageCustomers">
                <CustomerDetailPage />
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
