import { Button } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CaseStatus } from '../../../../shared/api/meldcode.schemas';
import { PageHeader } from '../../components/PageHeader';
import { StatusFilter, useStatusFilter } from '../../components/StatusFilter';
import { meldcodeQuery } from './api';
import { CasesTable } from './CasesTable';
import { OpenCaseDialog } from './OpenCaseDialog';

const FILTERS = [...CaseStatus.options, 'all'] as const;

/** Meldcode (meldcode.access): the case files of this location. */
export function MeldcodePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useStatusFilter(FILTERS, 'open');
  const list = useQuery({ ...meldcodeQuery('meldcode.list', { status: filter === 'all' ? null : filter }), placeholderData: keepPreviousData });
  const [opening, setOpening] = useState(false);

  return (
    <>
      <PageHeader title={t('meldcode.title')} intro={t('meldcode.intro')} actions={<Button onClick={() => { setOpening(true); }}>{t('meldcode.newCase')}</Button>} />
      <StatusFilter label={t('meldcode.filter')} filters={FILTERS} value={filter} onChange={setFilter} labelOf={(f) => t(`meldcode.filters.${f}`)} />
      <CasesTable card query={list} empty={{ title: t('meldcode.empty'), text: t('meldcode.emptyText') }} />
      {opening && <OpenCaseDialog onClose={() => { setOpening(false); }} onOpened={(id) => void navigate(`/meldcode/${id}`)} />}
    </>
  );
}
