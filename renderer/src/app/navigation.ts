import type { ComponentType } from 'react';
import type { Permission } from '../../../shared/auth/permissions';
import { AccountPage } from '../features/account/AccountPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { ChildrenPage } from '../features/children/ChildrenPage';
import { BreachesPage } from '../features/breaches/BreachesPage';
import { ComplaintsPage } from '../features/complaints/ComplaintsPage';
import { ConsentsPage } from '../features/consents/ConsentsPage';
import { DisclosuresPage } from '../features/disclosures/DisclosuresPage';
import { HouseholdCreatePage, HouseholdEditPage } from '../features/households/HouseholdFormPage';
import { GroupsPage } from '../features/groups/GroupsPage';
import { MarketingPage } from '../features/marketing/MarketingPage';
import { CasePage } from '../features/meldcode/CasePage';
import { MeldcodePage } from '../features/meldcode/MeldcodePage';
import { RegisterPage } from '../features/register/RegisterPage';
import { RequestPage } from '../features/requests/RequestPage';
import { RequestsPage } from '../features/requests/RequestsPage';
import { DestructionPage } from '../features/retention/DestructionPage';
import { RetentionPoliciesPage } from '../features/retention/RetentionPoliciesPage';
import { SecurityPage } from '../features/security/SecurityPage';
import { HeadOfficePage } from '../features/sync/HeadOfficePage';
import { HEAD_OFFICE_PATH } from '../features/sync/syncStatus';
import { UsersPage } from '../features/users/UsersPage';
import { PrivacyStatementPage } from '../features/privacyStatement/PrivacyStatementPage';
import { PlacementPage } from '../features/waitlist/PlacementPage';
import { WaitlistPage } from '../features/waitlist/WaitlistPage';
import type { Catalogue } from '../i18n/nl';
import { ChildPage } from '../pages/ChildPage';
import { DashboardPage } from '../pages/DashboardPage';
import { HouseholdPage } from '../pages/HouseholdPage';
import { ApplicantsRoute, EmployeesRoute } from '../pages/StaffPages';

export interface NavItem {
  /** Route path (HashRouter), also the link target. */
  path: string;
  label: `nav.${Exclude<keyof Catalogue['nav'], 'label'>}`;
  /** Shown and routed only when the user's roles grant this permission (shared matrix). */
  permission: Permission;
  page: ComponentType;
  /** Other path prefixes under which this item is shown as the current page. */
  alsoActiveFor?: readonly string[];
}

/** The left navigation, in order. Later features add their entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.dashboard', permission: 'session', page: DashboardPage },
  { path: '/kinderen', label: 'nav.children', permission: 'clients.read', page: ChildrenPage, alsoActiveFor: ['/gezinnen'] },
  { path: '/groepen', label: 'nav.groups', permission: 'clients.read', page: GroupsPage },
  { path: '/wachtlijst', label: 'nav.waitlist', permission: 'waitlist.manage', page: WaitlistPage },
  { path: '/toestemmingen', label: 'nav.consents', permission: 'consents.read', page: ConsentsPage },
  { path: '/verstrekkingen', label: 'nav.disclosures', permission: 'disclosures.manage', page: DisclosuresPage },
  { path: '/marketing', label: 'nav.marketing', permission: 'marketing.manage', page: MarketingPage },
  { path: '/verzoeken', label: 'nav.requests', permission: 'requests.manage', page: RequestsPage },
  { path: '/meldcode', label: 'nav.meldcode', permission: 'meldcode.access', page: MeldcodePage },
  { path: '/sollicitanten', label: 'nav.applicants', permission: 'staffFiles.access', page: ApplicantsRoute },
  { path: '/medewerkers', label: 'nav.employees', permission: 'staffFiles.access', page: EmployeesRoute },
  { path: '/klachten', label: 'nav.complaints', permission: 'complaints.manage', page: ComplaintsPage },
  { path: '/datalekken', label: 'nav.breaches', permission: 'breaches.report', page: BreachesPage },
  { path: '/privacyverklaring', label: 'nav.privacyStatement', permission: 'session', page: PrivacyStatementPage },
  { path: '/bewaartermijnen', label: 'nav.retention', permission: 'retention.manage', page: RetentionPoliciesPage },
  { path: '/vernietigen', label: 'nav.destruction', permission: 'retention.manage', page: DestructionPage },
  { path: '/verwerkingsregister', label: 'nav.register', permission: 'retention.manage', page: RegisterPage },
  { path: '/gebruikers', label: 'nav.users', permission: 'users.manage', page: UsersPage },
  { path: '/beveiliging', label: 'nav.security', permission: 'security.view', page: SecurityPage },
  { path: '/back-ups', label: 'nav.backups', permission: 'backup.manage', page: BackupsPage },
  { path: HEAD_OFFICE_PATH, label: 'nav.sync', permission: 'sync.manage', page: HeadOfficePage },
  { path: '/account', label: 'nav.account', permission: 'session', page: AccountPage },
];

/** Pages reached from other pages rather than the menu; routed with the same permission check. */
export interface PageRoute {
  path: string;
  permission: Permission;
  page: ComponentType;
}

export const PAGE_ROUTES: readonly PageRoute[] = [
  { path: '/kinderen/:id', permission: 'clients.read', page: ChildPage },
  { path: '/gezinnen/nieuw', permission: 'clients.write', page: HouseholdCreatePage },
  { path: '/gezinnen/:id', permission: 'clients.read', page: HouseholdPage },
  { path: '/gezinnen/:id/bewerken', permission: 'clients.write', page: HouseholdEditPage },
  { path: '/wachtlijst/:id/plaatsen', permission: 'waitlist.manage', page: PlacementPage },
  { path: '/verzoeken/:id', permission: 'requests.manage', page: RequestPage },
  { path: '/meldcode/:id', permission: 'meldcode.access', page: CasePage },
];
