import { Anchor, List } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiQuery } from '../../api/queries';
import { DueCard, DueLinks } from '../../components/DueCard';
import { useFormat } from '../../lib/format';
import { DeadlineBadge, TaskText, useSubjectLabel } from './common';

/** Overzicht: AVG-verzoeken due within 7 days or overdue, and open tasks (inform recipients, inform before lifting). */
export function RequestsDueCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const subjectLabel = useSubjectLabel();
  const due = useQuery(apiQuery('requests.due', {}));
  const count = (due.data?.requests.length ?? 0) + (due.data?.tasks.length ?? 0) + (due.data?.central.length ?? 0);
  return (
    <DueCard id="requests-due" title={t('requests.dueTitle')} query={due} count={count} empty={t('requests.dueNone')}>
      {({ requests, tasks, central }) => (
        <>
          <DueLinks
            items={[
              ...central.map((r) => ({
                key: r.id,
                badge: <DeadlineBadge request={{ ...r, status: 'open' }} />,
                to: '/verzoeken',
                label: t('requests.central.dueItem', { kind: t(`requests.kinds.${r.kind}`), name: r.requesterName, date: fmt.date(r.deadline) }),
              })),
              ...requests.map((r) => ({
                key: r.id,
                badge: <DeadlineBadge request={r} />,
                to: `/verzoeken/${r.id}`,
                label: t('requests.dueItem', { kind: t(`requests.kinds.${r.kind}`), name: subjectLabel(r), date: fmt.date(r.deadline) }),
              })),
            ]}
          />
          {tasks.length > 0 && (
            <List spacing={6} size="sm">
              {tasks.map((task) => (
                <List.Item key={task.id}>
                  <Anchor component={Link} to={`/verzoeken/${task.requestId}`} size="sm">
                    <TaskText task={task} />
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </DueCard>
  );
}
