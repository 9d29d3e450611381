import { Anchor, Group, List, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { Section, TitleCount } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { DeadlineBadge, TaskText, useSubjectLabel } from './common';

/** Overzicht: AVG-verzoeken due within 7 days or overdue, and open tasks (inform recipients, inform before lifting). */
export function RequestsDueCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const subjectLabel = useSubjectLabel();
  const due = useQuery(apiQuery('requests.due', {}));
  const count = (due.data?.requests.length ?? 0) + (due.data?.tasks.length ?? 0);
  return (
    <Stack mb="lg">
      <Section
        id="requests-due"
        title={
          <>
            {t('requests.dueTitle')}
            <TitleCount count={count} />
          </>
        }
      >
        <QueryState query={due} loaderHeight={60} isEmpty={() => count === 0} empty={t('requests.dueNone')}>
          {({ requests, tasks }) => (
            <Stack gap="sm">
              {requests.length > 0 && (
                <List spacing={6} listStyleType="none" ml={0}>
                  {requests.map((r) => (
                    <List.Item key={r.id}>
                      <Group gap="xs" wrap="nowrap">
                        <DeadlineBadge request={r} />
                        <Anchor component={Link} to={`/verzoeken/${r.id}`} size="sm">
                          {t('requests.dueItem', { kind: t(`requests.kinds.${r.kind}`), name: subjectLabel(r), date: fmt.date(r.deadline) })}
                        </Anchor>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
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
            </Stack>
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}
