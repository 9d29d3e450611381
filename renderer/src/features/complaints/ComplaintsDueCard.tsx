import { Anchor, Group, List, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { Section, TitleCount } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { DeadlineBadge } from './DeadlineBadge';

/** Overzicht: open complaints whose six weeks (Wet kinderopvang) end within 7 days or have ended; a handled complaint leaves the list. */
export function ComplaintsDueCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const due = useQuery(apiQuery('complaints.due', {}));
  const count = due.data?.length ?? 0;
  return (
    <Stack mb="lg">
      <Section
        id="complaints-due"
        title={
          <>
            {t('complaints.dueTitle')}
            <TitleCount count={count} />
          </>
        }
      >
        <QueryState query={due} loaderHeight={60} isEmpty={() => count === 0} empty={t('complaints.dueNone')}>
          {(complaints) => (
            <Stack gap="sm" align="flex-start">
              <List spacing={6} listStyleType="none" ml={0}>
                {complaints.map((c) => (
                  <List.Item key={c.id}>
                    <Group gap="xs" wrap="nowrap">
                      <DeadlineBadge state={c.deadlineState} />
                      <Anchor component={Link} to="/klachten" size="sm">
                        {t('complaints.dueItem', { subject: c.subject, received: fmt.date(c.receivedOn), date: fmt.date(c.deadline) })}
                      </Anchor>
                    </Group>
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}
