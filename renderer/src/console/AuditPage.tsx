import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { useFormat } from '../lib/format';
import { consoleApi } from './api';

/** `console.code.issue` → the catalogue key `console.audit.actions.code_issue`. */
const actionKey = (action: string) => action.replace(/^console\./, '').replace(/\./g, '_');

/** The ids an entry names (what it concerns), in this order; the rest of its detail is not shown here. */
const TARGETS = ['breachId', 'requestId', 'processorId', 'statementId', 'locationId', 'deviceId', 'userId', 'year'] as const;

/** "Datalek 0193f2a4 · Locatie 0193f1c0": the target ids, shortened (ids only, never content). */
function targetOf(detail: Record<string, unknown>, label: (key: (typeof TARGETS)[number]) => string): string {
  return TARGETS.filter((key) => typeof detail[key] === 'string' || typeof detail[key] === 'number')
    .map((key) => `${label(key)} ${String(detail[key] as string | number).slice(0, 8)}`)
    .join(' · ');
}

/** The console's own hash-chained audit log, newest first, with the chain's status. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const audit = useQuery({ queryKey: ['console', 'audit'], queryFn: consoleApi.audit });
  return (
    <>
      <PageHeader title={t('console.audit.title')} intro={t('console.audit.intro')} />
      <QueryState query={audit}>
        {({ entries, chain }) => (
          <>
            <Alert color={chain.intact ? 'green' : 'red'} variant="light" mb="md" role={chain.intact ? undefined : 'alert'}>
              {chain.intact ? t('console.audit.intact', { count: chain.entries }) : t('console.audit.broken', { seq: chain.brokenAt ?? 0 })}
            </Alert>
            <DataTable
              card
              caption={t('console.audit.title')}
              rows={entries}
              rowKey={(entry) => String(entry.seq)}
              empty={t('console.audit.empty')}
              columns={[
                { key: 'seq', header: t('console.audit.seq'), cell: (e) => e.seq, width: '80px' },
                { key: 'at', header: t('console.audit.at'), cell: (e) => format.dateTimeSeconds(e.at), whiteSpace: 'nowrap' },
                { key: 'user', header: t('console.audit.user'), cell: (e) => e.userName ?? t('console.audit.unknownUser') },
                {
                  key: 'action',
                  header: t('console.audit.action'),
                  // An action this version does not know yet is shown as recorded, never dropped.
                  cell: (e) => (i18n.exists(`console.audit.actions.${actionKey(e.action)}`) ? t(`console.audit.actions.${actionKey(e.action)}` as 'console.audit.actions.login') : e.action),
                },
                { key: 'target', header: t('console.audit.target'), cell: (e) => targetOf(e.detail, (key) => t(`console.audit.targets.${key}`)) },
              ]}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
