import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RequestSummary } from '../../../../shared/api/requests.schemas';
import { apiQuery } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { StatusFilter, useStatusFilter } from '../../components/StatusFilter';
import { useFormat } from '../../lib/format';
import { DeadlineBadge, OutcomeBadge, useSubjectLabel } from './common';
import { CentralRequestsCard } from './CentralRequestsCard';
import { ImportPortabilityDialog } from './ImportPortabilityDialog';
import { RegisterRequestDialog } from './RegisterRequestDialog';

const FILTERS = RequestSummary.shape.status.options;

/** AVG-verzoeken (requests.manage): the register, open requests first with their deadlines. */
export function RequestsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const subjectLabel = useSubjectLabel();
  const [filter, setFilter] = useStatusFilter(FILTERS, 'open');
  const list = useQuery({ ...apiQuery('requests.list', { status: filter }), placeholderData: keepPreviousData });
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);

  return (
    <>
      <PageHeader title={t('requests.title')} intro={t('requests.intro')} actions={
          <Group gap="sm">
            <Button variant="default" onClick={() => { setImporting(true); }}>
              {t('requests.importButton')}
            </Button>
            <Button onClick={() => { setRegistering(true); }}>{t('requests.register')}</Button>
          </Group>
        }
      />
      <CentralRequestsCard />
      <StatusFilter
        label={t('requests.filterLabel')}
        filters={FILTERS}
        value={filter}
        onChange={setFilter}
        labelOf={(f) => t(`requests.filters.${f}`)}
        count={list.data && t('requests.count', { count: list.data.length })}
      />
      <DataTable
        card
        query={list}
        caption={t('requests.caption')}
        rowKey={(r) => r.id}
        minWidth={860}
        tableProps={{ horizontalSpacing: 'md', highlightOnHover: true }}
        empty={{ title: t('requests.emptyTitle'), text: filter === 'open' ? t('requests.emptyOpen') : t('requests.emptyClosed') }}
        columns={[
          {
            key: 'kind',
            header: t('requests.columns.kind'),
            cell: (r) => (
              <Anchor component={Link} to={`/verzoeken/${r.id}`} fw={600} size="sm">
                {t(`requests.kinds.${r.kind}`)}
              </Anchor>
            ),
          },
          {
            key: 'subject',
            header: t('requests.columns.subject'),
            cell: (r) => (
              <>
                <Text size="sm">{subjectLabel(r)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`requests.subjectTypes.${r.subjectType}`)}
                </Text>
              </>
            ),
          },
          { key: 'requester', header: t('requests.columns.requester'), cell: (r) => <Text size="sm">{r.requesterName}</Text> },
          { key: 'received', header: t('requests.columns.received'), whiteSpace: 'nowrap', cell: (r) => <Text size="sm">{fmt.date(r.receivedOn)}</Text> },
          {
            key: 'deadline',
            header: filter === 'open' ? t('requests.columns.deadline') : t('requests.columns.closed'),
            whiteSpace: 'nowrap',
            cell: (r) => (
              <Stack gap={2} align="flex-start">
                <Text size="sm">{fmt.date(r.status === 'open' ? r.deadline : r.closedOn)}</Text>
                {r.status === 'open' ? <DeadlineBadge request={r} /> : <OutcomeBadge outcome={r.outcome} />}
              </Stack>
            ),
          },
        ]}
      />
      {importing && <ImportPortabilityDialog onClose={() => { setImporting(false); }} />}
      {registering && <RegisterRequestDialog onClose={() => { setRegistering(false); }} onSaved={(request) => { void navigate(`/verzoeken/${request.id}`); }} />}
    </>
  );
}
