import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiQuery } from '../../api/queries';
import { LoadingState } from '../../components/LoadingState';
import { formatDate } from '../children/format';
import { DeadlineBadge, useSubjectLabel } from './common';

/** Overzicht: AVG-verzoeken due within 7 days or overdue, and open tasks (inform recipients, inform before lifting). */
export function RequestsDueCard() {
  const { t } = useTranslation();
  const subjectLabel = useSubjectLabel();
  const due = useQuery(apiQuery('requests.due', {}));
  const count = (due.data?.requests.length ?? 0) + (due.data?.tasks.length ?? 0);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="requests-due" mb="lg">
      <Group gap="xs" mb="sm">
        <Title order={2} size="h3" id="requests-due">
          {t('requests.dueTitle')}
        </Title>
        {count > 0 && (
          <Badge variant="light" color="red" aria-hidden="true">
            {count}
          </Badge>
        )}
      </Group>
      {due.isPending ? (
        <LoadingState minHeight={60} />
      ) : !due.data || count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.dueNone')}
        </Text>
      ) : (
        <Stack gap="sm">
          {due.data.requests.length > 0 && (
            <List spacing={6} listStyleType="none" ml={0}>
              {due.data.requests.map((r) => (
                <List.Item key={r.id}>
                  <Group gap="xs" wrap="nowrap">
                    <DeadlineBadge request={r} />
                    <Anchor component={Link} to={`/verzoeken/${r.id}`} size="sm">
                      {t('requests.dueItem', { kind: t(`requests.kinds.${r.kind}`), name: subjectLabel(r), date: formatDate(r.deadline) })}
                    </Anchor>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
          {due.data.tasks.length > 0 && (
            <List spacing={6} size="sm">
              {due.data.tasks.map((task) => (
                <List.Item key={task.id}>
                  <Anchor component={Link} to={`/verzoeken/${task.requestId}`} size="sm">
                    {task.kind === 'inform_recipient' ? t('requests.taskInformRecipient', { name: task.recipientName ?? '' }) : t('requests.taskInformBeforeLift')}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
    </Card>
  );
}
