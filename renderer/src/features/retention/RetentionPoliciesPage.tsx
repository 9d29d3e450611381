import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiQuery } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';

/** Bewaartermijnen: the rules in force, each with its legal basis. */
export function RetentionPoliciesPage() {
  const { t } = useTranslation();
  const policies = useQuery(apiQuery('retention.policies', {}));
  return (
    <>
      <PageHeader title={t('retention.policiesTitle')} intro={t('retention.policiesIntro')} />
      <DataTable
        card
        query={policies}
        caption={t('retention.policiesTitle')}
        rowKey={(p) => p.key}
        minWidth={760}
        columns={[
          { key: 'category', header: t('retention.category'), cell: (p) => p.category, strong: true },
          { key: 'rule', header: t('retention.rule'), cell: (p) => p.rule },
          { key: 'legalBasis', header: t('retention.legalBasis'), cell: (p) => p.legalBasis },
          {
            key: 'source',
            header: t('retention.source'),
            cell: (p) => (
              <Badge variant="light" color={p.fromHeadOffice ? 'orange' : 'gray'}>
                {p.fromHeadOffice ? t('retention.fromHeadOffice') : t('retention.statementDefault')}
              </Badge>
            ),
          },
        ]}
      />
    </>
  );
}
