import { Button, Card, EmptyState, Group, SegmentedControl } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/forms';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { meldcodeQuery } from './api';
import { CasesTable } from './CasesTable';
import { OpenCaseDialog } from './OpenCaseDialog';

type StatusFilter = 'open' | 'closed' | 'all';
const FILTERS: readonly StatusFilter[] = ['open', 'closed', 'all'];

/** Meldcode (meldcode.access): the case files of this location. */
export function MeldcodePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filterParam = params.get('status');
  const filter: StatusFilter = FILTERS.find((f) => f === filterParam) ?? 'open';
  const list = useQuery({ ...meldcodeQuery('meldcode.list', { status: filter === 'all' ? null : filter }), placeholderData: keepPreviousData });
  const [opening, setOpening] = useState(false);

  return (
    <>
      <PageHeader title={t('meldcode.title')} intro={t('meldcode.intro')} actions={<Button onClick={() => { setOpening(true); }}>{t('meldcode.newCase')}</Button>} />
      <Group mb="md">
        <SegmentedControl
          aria-label={t('meldcode.filter')}
          value={filter}
          onChange={(value) => { setParams(value === 'open' ? {} : { status: value }, { replace: true }); }}
          data={FILTERS.map((f) => ({ value: f, label: t(`meldcode.filters.${f}`) }))}
        />
      </Group>
      <Card withBorder padding={0}>
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <Card.Section p="lg">
            <FormError message={errorMessage(list.error)} />
          </Card.Section>
        ) : list.data.length === 0 ? (
          <EmptyState py="xl" title={t('meldcode.empty')} description={t('meldcode.emptyText')} />
        ) : (
          <CasesTable cases={list.data} />
        )}
      </Card>
      {opening && <OpenCaseDialog onClose={() => { setOpening(false); }} onOpened={(id) => void navigate(`/meldcode/${id}`)} />}
    </>
  );
}
