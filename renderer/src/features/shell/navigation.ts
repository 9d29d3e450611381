import type { ComponentType } from 'react';
import type { Permission } from '../../../../shared/auth/permissions';
import type { Catalogue } from '../../i18n/nl';
import { AccountPage } from '../account/AccountPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { SecurityPage } from '../security/SecurityPage';
import { HeadOfficePage } from '../sync/HeadOfficePage';
import { HEAD_OFFICE_PATH } from '../sync/syncStatus';
import { UsersPage } from '../users/UsersPage';

export interface NavItem {
  /** Route path (HashRouter), also the link target. */
  path: string;
  label: `nav.${Exclude<keyof Catalogue['nav'], 'label'>}`;
  /** Shown and routed only when the user's roles grant this permission (shared matrix). */
  permission: Permission;
  page: ComponentType;
}

/** The left navigation, in order. Later features add their entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.dashboard', permission: 'session', page: DashboardPage },
  { path: '/gebruikers', label: 'nav.users', permission: 'users.manage', page: UsersPage },
  { path: '/beveiliging', label: 'nav.security', permission: 'security.view', page: SecurityPage },
  { path: HEAD_OFFICE_PATH, label: 'nav.sync', permission: 'sync.manage', page: HeadOfficePage },
  { path: '/account', label: 'nav.account', permission: 'session', page: AccountPage },
];
