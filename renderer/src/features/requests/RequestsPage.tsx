import { Anchor, Button, Card, EmptyState, Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../children/format';
import { DeadlineBadge, OutcomeBadge, useSubjectLabel } from './common';
import { RegisterRequestDialog } from './RegisterRequestDialog';

const FILTERS = ['open', 'closed'] as const;
type Filter = (typeof FILTERS)[number];

/** AVG-verzoeken (requests.manage): the register, open requests first with their deadlines. */
export function RequestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const subjectLabel = useSubjectLabel();
  const [params, setParams] = useSearchParams();
  const filter: Filter = params.get('status') === 'closed' ? 'closed' : 'open';
  const list = useQuery({ ...apiQuery('requests.list', { status: filter }), placeholderData: keepPreviousData });
  const [registering, setRegistering] = useState(false);

  return (
    <>
      <PageHeader title={t('requests.title')} intro={t('requests.intro')} actions={<Button onClick={() => { setRegistering(true); }}>{t('requests.register')}</Button>} />
      <Group mb="md" justify="space-between">
        <SegmentedControl
          aria-label={t('requests.filterLabel')}
          value={filter}
          onChange={(value) => { setParams(value === 'open' ? {} : { status: value }, { replace: true }); }}
          data={FILTERS.map((f) => ({ value: f, label: t(`requests.filters.${f}`) }))}
        />
        {list.data && (
          <Text size="sm" c="dimmed" role="status">
            {t('requests.count', { count: list.data.length })}
          </Text>
        )}
      </Group>
      <Card withBorder padding={0}>
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <Card.Section p="lg">
            <FormError message={errorMessage(list.error)} />
          </Card.Section>
        ) : list.data.length === 0 ? (
          <EmptyState py="xl" title={t('requests.emptyTitle')} description={filter === 'open' ? t('requests.emptyOpen') : t('requests.emptyClosed')} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <VisuallyHidden component="caption">{t('requests.caption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('requests.columns.kind')}</Table.Th>
                  <Table.Th scope="col">{t('requests.columns.subject')}</Table.Th>
                  <Table.Th scope="col">{t('requests.columns.requester')}</Table.Th>
                  <Table.Th scope="col">{t('requests.columns.received')}</Table.Th>
                  <Table.Th scope="col">{filter === 'open' ? t('requests.columns.deadline') : t('requests.columns.closed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/verzoeken/${r.id}`} fw={600} size="sm">
                        {t(`requests.kinds.${r.kind}`)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{subjectLabel(r)}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`requests.subjectTypes.${r.subjectType}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.requesterName}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDate(r.receivedOn)}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Stack gap={2} align="flex-start">
                        <Text size="sm">{formatDate(r.status === 'open' ? r.deadline : r.closedOn)}</Text>
                        {r.status === 'open' ? <DeadlineBadge request={r} /> : <OutcomeBadge outcome={r.outcome} />}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {registering && (
        <RegisterRequestDialog
          onClose={() => { setRegistering(false); }}
          onSaved={(request) => { void navigate(`/verzoeken/${request.id}`); }}
        />
      )}
    </>
  );
}
