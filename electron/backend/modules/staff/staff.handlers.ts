import type { Handlers } from '../../api/handler';
import { addStatutoryHold, hireApplicant, listApplicants, listEmployees, removeStatutoryHold, saveApplicant, saveEmployee } from './staff.service';

type StaffMethods = 'applicants.list' | 'applicants.save' | 'applicants.hire' | 'employees.list' | 'employees.save' | 'employees.addStatutoryHold' | 'employees.removeStatutoryHold';

/** Sollicitanten and medewerkers (staff files): every list read is audited. */
export const staffHandlers: Handlers<StaffMethods> = {
  'applicants.list': async ({ core, session }) => {
    await core.audit({ userId: session.userId, action: 'applicants.list' });
    return listApplicants(core.db());
  },
  'applicants.save': ({ core, session }, input) => saveApplicant(core, session, input),
  'applicants.hire': ({ core, session }, input) => hireApplicant(core, session, input),
  'employees.list': async ({ core, session }) => {
    await core.audit({ userId: session.userId, action: 'employees.list' });
    return listEmployees(core.db());
  },
  'employees.save': ({ core, session }, input) => saveEmployee(core, session, input),
  'employees.addStatutoryHold': ({ core, session }, input) => addStatutoryHold(core, session, input),
  'employees.removeStatutoryHold': ({ core, session }, input) => removeStatutoryHold(core, session, input.id),
};
