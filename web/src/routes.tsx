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
const PortalHomePage = lazy(() => import('./pages/portal/PortalHomePage'));
const PortalNewRequestPage = lazy(() => import('./pages/portal/PortalNewRequestPage'));
const PortalWorkOrderPage = lazy(() => import('./pages/portal/PortalWorkOrderPage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const TeamsPage = lazy(() => import('./pages/admin/TeamsPage'));
const WorkOrderTypesPage = lazy(() => import('./pages/admin/WorkOrderTypesPage'));
const ClassificationPage = lazy(() => import('./pages/admin/ClassificationPage'));
const CustomFieldsPage = lazy(() => import('./pages/admin/CustomFieldsPage'));
const CompletenessPage = lazy(() => import('./pages/admin/CompletenessPage'));
const RepairConfigPage = lazy(() => import('./pages/admin/RepairConfigPage'));
const CalendarsPage = lazy(() => import('./pages/admin/CalendarsPage'));
const CalendarEditorPage = lazy(() => import('./pages/admin/CalendarEditorPage'));
const SlaPoliciesPage = lazy(() => import('./pages/admin/SlaPoliciesPage'));
const AutomationPage = lazy(() => import('./pages/admin/AutomationPage'));
const StockPage = lazy(() => import('./pages/stock/StockPage'));
const TechnicianTodayPage = lazy(() => import('./pages/technician/TechnicianTodayPage'));
const TechnicianVisitPage = lazy(() => import('./pages/technician/TechnicianVisitPage'));
const DutyRosterPage = lazy(() => import('./pages/duty/DutyRosterPage'));
const SlaBreachesPage = lazy(() => import('./pages/sla/SlaBreachesPage'));

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
          { path: '/technician', element: <TechnicianTodayPage /> },
          { path: '/technician/:id', element: <TechnicianVisitPage /> },
          { path: '/duty', element: <DutyRosterPage /> },
          { path: '/sla/breaches', element: <SlaBreachesPage /> },
          {
            path: '/stock',
            element: (
              <RequireAbility ability="viewStock">
                <StockPage />
              </RequireAbility>
            ),
          },
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
          ...(
            [
              ['/admin/users', <UsersPage key="users" />],
              ['/admin/teams', <TeamsPage key="teams" />],
              ['/admin/work-order-types', <WorkOrderTypesPage key="types" />],
              ['/admin/classification', <ClassificationPage key="classification" />],
              ['/admin/custom-fields', <CustomFieldsPage key="fields" />],
              ['/admin/completeness', <CompletenessPage key="completeness" />],
              ['/admin/repair-config', <RepairConfigPage key="repairConfig" />],
              ['/admin/calendars', <CalendarsPage key="calendars" />],
              ['/admin/calendars/:id', <CalendarEditorPage key="calendar" />],
              ['/admin/sla-policies', <SlaPoliciesPage key="slaPolicies" />],
              ['/admin/automation', <AutomationPage key="automation" />],
            ] as const
          ).map(([path, page]) => ({ path, element: <RequireAbility ability="admin">{page}</RequireAbility> })),
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
          { path: 'new', element: <PortalNewRequestPage /> },
          { path: 'work-orders/:id', element: <PortalWorkOrderPage /> },
          { path: 'me', element: <MePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
