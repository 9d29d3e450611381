import type { MethodName } from '../../../shared/api/contract';
import type { Handlers } from './handler';
import { appHandlers } from '../modules/app/app.handlers';
import { applicantsHandlers } from '../modules/applicants/applicants.handlers';
import { auditHandlers } from '../modules/audit/audit.handlers';
import { authHandlers } from '../modules/auth/auth.handlers';
import { backupHandlers } from '../modules/backup/backup.handlers';
import { bsnHandlers } from '../modules/bsn/bsn.handlers';
import { childrenHandlers } from '../modules/children/children.handlers';
import { breachesHandlers } from '../modules/breaches/breaches.handlers';
import { complaintsHandlers } from '../modules/complaints/complaints.handlers';
import { consentsHandlers } from '../modules/consents/consents.handlers';
import { privacyStatementHandlers } from '../modules/privacyStatement/privacyStatement.handlers';
import { contractsHandlers } from '../modules/contracts/contracts.handlers';
import { dashboardHandlers } from '../modules/dashboard/dashboard.handlers';
import { disclosuresHandlers } from '../modules/disclosures/disclosures.handlers';
import { employeesHandlers } from '../modules/employees/employees.handlers';
import { exchangeHandlers } from '../modules/exchange/exchange.handlers';
import { groupsHandlers } from '../modules/groups/groups.handlers';
import { holdsHandlers } from '../modules/holds/holds.handlers';
import { householdsHandlers } from '../modules/households/households.handlers';
import { marketingHandlers } from '../modules/marketing/marketing.handlers';
import { medicalHandlers } from '../modules/medical/medical.handlers';
import { meldcodeHandlers } from '../modules/meldcode/meldcode.handlers';
import { municipalitiesHandlers } from '../modules/municipalities/municipalities.handlers';
import { pickupHandlers } from '../modules/pickup/pickup.handlers';
import { recoveryHandlers } from '../modules/recovery/recovery.handlers';
import { registerHandlers } from '../modules/register/register.handlers';
import { requestsHandlers } from '../modules/requests/requests.handlers';
import { retentionHandlers } from '../modules/retention/retention.handlers';
import { searchHandlers } from '../modules/search/search.handlers';
import { securityHandlers } from '../modules/security/security.handlers';
import { sessionHandlers } from '../modules/session/session.handlers';
import { settingsHandlers } from '../modules/settings/settings.handlers';
import { setupHandlers } from '../modules/setup/setup.handlers';
import { syncHandlers } from '../modules/sync/sync.handlers';
import { tasksHandlers } from '../modules/tasks/tasks.handlers';
import { usersHandlers } from '../modules/users/users.handlers';
import { waitlistHandlers } from '../modules/waitlist/waitlist.handlers';

/** Every method of the contract has exactly one handler; the compiler checks completeness. */
export const handlers: Handlers<MethodName> = {
  ...appHandlers,
  ...setupHandlers,
  ...authHandlers,
  ...sessionHandlers,
  ...usersHandlers,
  ...securityHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...householdsHandlers,
  ...childrenHandlers,
  ...groupsHandlers,
  ...medicalHandlers,
  ...bsnHandlers,
  ...contractsHandlers,
  ...tasksHandlers,
  ...waitlistHandlers,
  ...pickupHandlers,
  ...searchHandlers,
  ...dashboardHandlers,
  ...syncHandlers,
  ...consentsHandlers,
  ...privacyStatementHandlers,
  ...exchangeHandlers,
  ...disclosuresHandlers,
  ...municipalitiesHandlers,
  ...marketingHandlers,
  ...meldcodeHandlers,
  ...requestsHandlers,
  ...backupHandlers,
  ...recoveryHandlers,
  ...retentionHandlers,
  ...registerHandlers,
  ...holdsHandlers,
  ...applicantsHandlers,
  ...employeesHandlers,
  ...complaintsHandlers,
  ...breachesHandlers,
};
