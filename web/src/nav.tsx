/**
 * The side menu by area, and the breadcrumb trail of each page, from one list.
 * Visibility follows the `abilities` the server sends: the menu only hides what
 * the server would refuse anyway.
 */
import { AlertOutlined, CustomerServiceOutlined, FileTextOutlined, InboxOutlined, ScheduleOutlined, SettingOutlined, TeamOutlined, ToolOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me } from './api/types';
import type { MessageKey } from './i18n';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon?: ReactNode;
  visible: (me: Me) => boolean;
  children?: NavItem[];
}

const staff = (me: Me) => me.role !== 'customer';
/** Managers and team leads follow up on breaches (the list itself shows only orders the user can see). */
const managesSla = (me: Me) => me.role === 'admin' || me.role === 'manager' || me.teams.some((team) => team.isLead);

export const NAV: NavItem[] = [
  { path: '/workspace', label: 'menu.workspace', icon: <CustomerServiceOutlined />, visible: staff },
  { path: '/work-orders', label: 'menu.workOrders', icon: <FileTextOutlined />, visible: staff },
  { path: '/technician', label: 'menu.technician', icon: <ToolOutlined />, visible: (me) => me.role === 'technician' },
  { path: '/duty', label: 'menu.duty', icon: <ScheduleOutlined />, visible: staff },
  { path: '/sla/breaches', label: 'sla.breaches.menu', icon: <AlertOutlined />, visible: managesSla },
  { path: '/customers', label: 'menu.customers', icon: <TeamOutlined />, visible: (me) => me.abilities.manageCustomers },
  { path: '/stock', label: 'menu.stock', icon: <InboxOutlined />, visible: (me) => me.abilities.viewStock },
  {
    path: '/admin',
    label: 'menu.admin',
    icon: <SettingOutlined />,
    visible: (me) => me.abilities.admin,
    children: [
      { path: '/admin/users', label: 'menu.admin.users', visible: (me) => me.abilities.admin },
      { path: '/admin/teams', label: 'menu.admin.teams', visible: (me) => me.abilities.admin },
      { path: '/admin/work-order-types', label: 'menu.admin.workOrderTypes', visible: (me) => me.abilities.admin },
      { path: '/admin/classification', label: 'menu.admin.classification', visible: (me) => me.abilities.admin },
      { path: '/admin/custom-fields', label: 'menu.admin.customFields', visible: (me) => me.abilities.admin },
      { path: '/admin/completeness', label: 'menu.admin.completeness', visible: (me) => me.abilities.admin },
      { path: '/admin/repair-config', label: 'menu.admin.repairConfig', visible: (me) => me.abilities.admin },
      { path: '/admin/calendars', label: 'calendars.menu', visible: (me) => me.abilities.admin },
      { path: '/admin/sla-policies', label: 'slaPolicies.menu', visible: (me) => me.abilities.admin },
      { path: '/admin/automation', label: 'automation.menu', visible: (me) => me.abilities.admin },
    ],
  },
];

const EXTRA: NavItem[] = [{ path: '/me', label: 'menu.me', visible: () => true }];

export function visibleNav(me: Me, items: NavItem[] = NAV): NavItem[] {
  return items
    .filter((item) => item.visible(me))
    .map((item) => (item.children ? { ...item, children: visibleNav(me, item.children) } : item));
}

/** The chain of nav items leading to a path (for breadcrumbs and the open submenu). */
export function navTrail(pathname: string, items: NavItem[] = [...NAV, ...EXTRA]): NavItem[] {
  for (const item of items) {
    if (pathname === item.path || pathname.startsWith(`${item.path}/`)) {
      const deeper = item.children ? navTrail(pathname, item.children) : [];
      return [item, ...deeper];
    }
  }
  return [];
}
