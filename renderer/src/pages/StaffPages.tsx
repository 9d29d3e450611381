import { ApplicantsPage } from '../features/staff/ApplicantsPage';
import { EmployeesPage } from '../features/staff/EmployeesPage';
import { WhyButton } from '../features/retention/WhyDialog';

/** Sollicitanten and Medewerkers, each row with "Waarom bewaren?" of the retention feature. */
export const ApplicantsRoute = () => <ApplicantsPage whyButton={(id) => <WhyButton subjectType="applicant" id={id} />} />;
export const EmployeesRoute = () => <EmployeesPage whyButton={(id) => <WhyButton subjectType="employee" id={id} />} />;
