import { Badge, Card, Table, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';

/** Bewaartermijnen: the rules in force, each with its legal basis. */
export function RetentionPoliciesPage() {
  const { t } = useTranslation();
  const policies = useQuery(apiQuery('retention.policies', {}));
  return (
    <>
      <PageHeader title={t('retention.policiesTitle')} intro={t('retention.policiesIntro')} />
      <Card withBorder padding="lg">
        {policies.isPending ? (
          <LoadingState minHeight={120} />
        ) : policies.isError ? (
          <FormError message={errorMessage(policies.error)} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm">
              <VisuallyHidden component="caption">{t('retention.policiesTitle')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('retention.category')}</Table.Th>
                  <Table.Th scope="col">{t('retention.rule')}</Table.Th>
                  <Table.Th scope="col">{t('retention.legalBasis')}</Table.Th>
                  <Table.Th scope="col">{t('retention.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {policies.data.map((p) => (
                  <Table.Tr key={p.key}>
                    <Table.Td fw={600}>{p.category}</Table.Td>
                    <Table.Td>{p.rule}</Table.Td>
                    <Table.Td>{p.legalBasis}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={p.fromHeadOffice ? 'orange' : 'gray'}>
                        {p.fromHeadOffice ? t('retention.fromHeadOffice') : t('retention.statementDefault')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </>
  );
}
