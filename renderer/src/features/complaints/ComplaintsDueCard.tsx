import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiQuery } from '../../api/queries';
import { DueCard, DueLinks } from '../../components/DueCard';
import { useFormat } from '../../lib/format';
import { DeadlineBadge } from './DeadlineBadge';

/** Overzicht: open complaints whose six weeks (Wet kinderopvang) end within 7 days or have ended; a handled complaint leaves the list. */
export function ComplaintsDueCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const due = useQuery(apiQuery('complaints.due', {}));
  return (
    <DueCard id="complaints-due" title={t('complaints.dueTitle')} query={due} count={due.data?.length ?? 0} empty={t('complaints.dueNone')}>
      {(complaints) => (
        <DueLinks
          items={complaints.map((c) => ({
            key: c.id,
            badge: <DeadlineBadge state={c.deadlineState} />,
            to: '/klachten',
            label: t('complaints.dueItem', { subject: c.subject, received: fmt.date(c.receivedOn), date: fmt.date(c.deadline) }),
          }))}
        />
      )}
    </DueCard>
  );
}
