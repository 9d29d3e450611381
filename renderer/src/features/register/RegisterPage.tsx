import { Badge, Button, DataList, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RegisterRowView } from '../../../../shared/dataMap/register';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Detail, Section } from '../../components/Section';
import { useFileDownload } from '../../lib/files';
import { useFormat } from '../../lib/format';

/** Long texts of the register wrap inside their column, labels too (Functionaris Gegevensbescherming); the page never scrolls sideways. */
const LIST_STYLES = { itemLabel: { flexShrink: 0, width: 'var(--data-list-label-width)' }, itemValue: { flex: 1, minWidth: 0, overflowWrap: 'anywhere' } } as const;

/**
 * Verwerkingsregister (AVG art. 30): per processing the persons and data concerned, purpose, legal
 * basis, recipients, transfers outside the EEA, retention and security, as the backend derives it
 * from the data map and the bewaartermijnen in force; the same register as a PDF.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const register = useQuery(apiQuery('register.get', {}));
  const pdf = useFileDownload('register.pdf');
  return (
    <>
      <PageHeader
        title={t('register.title')}
        intro={t('register.intro')}
        actions={
          <Button loading={pdf.isPending} onClick={() => { pdf.mutate({}); }}>
            {t('register.pdf')}
          </Button>
        }
      />
      <FormError message={pdf.isError ? errorMessage(pdf.error) : null} />
      <QueryState query={register} loaderHeight={200}>
        {(data) => (
          <Stack gap="lg">
            <Text size="sm" c="dimmed">
              {t('register.meta', { location: data.location.name, date: fmt.date(data.drawnUpOn), count: data.rows.length })}
            </Text>
            <Section title={t('register.organisationTitle')} id="register-organisation">
              {data.organisation ? (
                <DataList labelWidth={190} gap="xs" styles={LIST_STYLES}>
                  <Detail label={t('register.controller')}>{data.organisation.controller}</Detail>
                  <Detail label={t('register.privacyOfficer')}>{data.organisation.privacyOfficer}</Detail>
                  <Detail label={t('register.dataProtectionOfficer')}>{data.organisation.dataProtectionOfficer}</Detail>
                </DataList>
              ) : (
                <Text size="sm">{t('register.noOrganisation')}</Text>
              )}
            </Section>
            <RegisterRows rows={data.rows} commonSecurity={data.commonSecurity} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** The processings of a register, then the measures they share: the location's page and the console's. */
export function RegisterRows({ rows, commonSecurity }: { rows: readonly RegisterRowView[]; commonSecurity: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {rows.map((row, i) => (
        <ProcessingCard key={row.category} row={row} number={i + 1} common={commonSecurity} />
      ))}
      <Section title={t('register.securityTitle')} intro={t('register.securityIntro')} id="register-security">
        <Items items={commonSecurity} />
      </Section>
    </>
  );
}

function ProcessingCard({ row, number, common }: { row: RegisterRowView; number: number; common: readonly string[] }) {
  const { t } = useTranslation();
  const own = row.security.filter((measure) => !common.includes(measure));
  return (
    <Section
      title={`${number}. ${row.processing}`}
      id={`register-${row.category}`}
      actions={
        row.specialCategory ? (
          <Badge color="red" variant="light">
            {t('register.special')}
          </Badge>
        ) : undefined
      }
    >
      <DataList labelWidth={190} gap="xs" styles={LIST_STYLES}>
        <Detail label={t('register.purpose')}>{row.purpose}</Detail>
        <Detail label={t('register.legalBasis')}>{row.legalBasis}</Detail>
        <Detail label={t('register.persons')}>
          <Items items={row.personCategories} />
        </Detail>
        <Detail label={t('register.data')}>
          <Items items={row.dataCategories} />
        </Detail>
        <Detail label={t('register.source')}>{row.source}</Detail>
        <Detail label={t('register.recipients')}>
          <Items items={row.recipients} />
        </Detail>
        <Detail label={t('register.transfers')}>{row.transfersOutsideEea}</Detail>
        <Detail label={t('register.retention')}>
          <List size="sm" spacing={4}>
            {row.retention.map((line) => (
              <List.Item key={`${line.text}|${line.action ?? ''}|${line.legalBasis ?? ''}`}>
                {line.action ? t('register.retentionLine', { text: line.text, action: line.action }) : line.text}
                {line.legalBasis && (
                  <Text size="xs" c="dimmed">
                    {t('register.retentionBasis', { basis: line.legalBasis })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Detail>
        <Detail label={t('register.security')}>
          <Items items={[t('register.securityCommon'), ...own]} />
        </Detail>
      </DataList>
    </Section>
  );
}

function Items({ items }: { items: readonly string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <>{t('register.none')}</>;
  return (
    <List size="sm" spacing={2}>
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}
