import type { Icon } from '@tabler/icons-react';
import {
  IconBook2,
  IconChecklist,
  IconChartBar,
  IconFileDescription,
  IconFolders,
  IconHeartHandshake,
  IconMail,
  IconSettings,
} from '@tabler/icons-react';
import { paths } from '@/config/paths';
import type { MessageKey } from '@/lib/i18n/core';
import type { Role } from '@/types/api';

export interface NavItem {
  to: string;
  label: MessageKey;
  icon: Icon;
  roles: Role[];
  /** Used for the active state and for guarding. */
  match: string;
}

const ALL: Role[] = ['admin', 'clerk', 'handler', 'leader'];
const OFFICE_AND_LEADERS: Role[] = ['admin', 'clerk', 'leader'];

export const NAV: NavItem[] = [
  {
    to: paths.todo,
    label: 'nav.todo',
    icon: IconChecklist,
    roles: ['admin', 'clerk', 'handler'],
    match: '/todo',
  },
  {
    to: paths.dashboard,
    label: 'nav.dashboard',
    icon: IconChartBar,
    roles: ALL,
    match: '/dashboard',
  },
  { to: paths.letters, label: 'nav.letters', icon: IconMail, roles: ALL, match: '/letters' },
  {
    to: paths.applications,
    label: 'nav.applications',
    icon: IconFileDescription,
    roles: ALL,
    match: '/applications',
  },
  {
    to: paths.catalogue,
    label: 'nav.catalogue',
    icon: IconFolders,
    roles: OFFICE_AND_LEADERS,
    match: '/catalogue',
  },
  {
    to: paths.assistance,
    label: 'nav.assistance',
    icon: IconHeartHandshake,
    roles: OFFICE_AND_LEADERS,
    match: '/assistance',
  },
  {
    to: paths.annualReport(new Date().getFullYear()),
    label: 'nav.annualReport',
    icon: IconBook2,
    roles: OFFICE_AND_LEADERS,
    match: '/reports',
  },
  {
    to: paths.settings,
    label: 'nav.settings',
    icon: IconSettings,
    roles: ['admin', 'clerk'],
    match: '/settings',
  },
];

/** Where a role starts (after sign-in, and when a `next` is not theirs): the office and the
 * sections at 我的待办, leaders at the dashboard. */
export const roleHome = (role: Role): string => (role === 'leader' ? paths.dashboard : paths.todo);

/** Registering is the office's job; every other page takes its roles from the navigation. */
const EXTRA_ROLES: Record<string, Role[]> = {
  '/letters/new': ['admin', 'clerk'],
  '/applications/new': ['admin', 'clerk'],
  '/catalogue/new': ['admin', 'clerk'],
};

/** The roles of a route, by its `match` (a navigation entry or one of the registering pages). */
export const rolesOf = (match: string): Role[] =>
  EXTRA_ROLES[match] ?? NAV.find((n) => n.match === match)!.roles;

/** The `match` a location falls under, as the router guards it (null: no guarded page). */
function matchOf(pathname: string): string | null {
  if (/^\/(letters|applications|catalogue)\/new\/?$/.test(pathname))
    return pathname.replace(/\/$/, '');
  // Importing and editing the catalogue are registering pages too.
  if (/^\/catalogue\/(import|[^/]+\/edit)\/?$/.test(pathname)) return '/catalogue/new';
  const item = NAV.find((n) => pathname === n.match || pathname.startsWith(`${n.match}/`));
  return item?.match ?? null;
}

/** Whether `role` may open the same-app location `to` (path, query, hash): no 403 page there. */
export function roleMayOpen(role: Role, to: string): boolean {
  const pathname = new URL(to, 'http://app.invalid').pathname;
  const match = matchOf(pathname);
  return match === null || rolesOf(match).includes(role);
}
