import type { MethodName } from '../../../shared/api/contract';
import type { Handlers } from './handler';
import { auditHandlers } from '../modules/audit/audit.handlers';
import { securityHandlers } from '../modules/security/security.handlers';
import { authHandlers, usersHandlers } from '../modules/users/users.handlers';
import { householdsHandlers } from '../modules/households/households.handlers';
import { childrenHandlers } from '../modules/children/children.handlers';
import { medicalHandlers } from '../modules/medical/medical.handlers';
import { bsnHandlers } from '../modules/bsn/bsn.handlers';
import { contractsHandlers } from '../modules/contracts/contracts.handlers';
import { tasksHandlers } from '../modules/tasks/tasks.handlers';
import { waitlistHandlers } from '../modules/waitlist/waitlist.handlers';
import { pickupHandlers } from '../modules/pickup/pickup.handlers';
import { searchHandlers } from '../modules/search/search.handlers';
import { dashboardHandlers } from '../modules/dashboard/dashboard.handlers';
import { syncHandlers } from '../sync/sync.handlers';
import { consentsHandlers } from '../modules/consents/consents.handlers';
import { exchangeHandlers } from '../modules/exchange/exchange.handlers';
import { disclosuresHandlers } from '../modules/disclosures/disclosures.handlers';
import { municipalitiesHandlers } from '../modules/municipalities/municipalities.handlers';
import { marketingHandlers } from '../modules/marketing/marketing.handlers';
import { meldcodeHandlers } from '../modules/meldcode/meldcode.handlers';
import { requestsHandlers } from '../modules/requests/requests.handlers';
import { backupHandlers } from '../modules/backup/backup.handlers';
import { retentionHandlers } from '../modules/retention/retention.handlers';
import { staffHandlers } from '../modules/staff/staff.handlers';
import { complaintsHandlers } from '../modules/complaints/complaints.handlers';

/** Every method of the contract has exactly one handler; the compiler checks completeness. */
export const handlers: Handlers<MethodName> = {
  ...authHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...securityHandlers,
  ...householdsHandlers,
  ...childrenHandlers,
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
  ...exchangeHandlers,
  ...disclosuresHandlers,
  ...municipalitiesHandlers,
  ...marketingHandlers,
  ...meldcodeHandlers,
  ...requestsHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...staffHandlers,
  ...complaintsHandlers,
};
