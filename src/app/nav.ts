import type { Icon } from '@tabler/icons-react';
import {
  IconBook2,
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
