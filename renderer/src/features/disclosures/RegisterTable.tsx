import { Badge, Stack, Text } from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RegisterEntry } from '../../../../shared/api/restrictedDisclosures.schemas';
import type { MethodInput } from '../../../../shared/api/contract';
import { DISCLOSURE_FIELDS, RECIPIENT_LABEL, type DisclosureField, type Recipient } from '../../../../shared/domain/disclosures';
import { isManualRecipient } from '../../../../shared/domain/recipients';
import { apiQuery } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import type { EmptyContent } from '../../components/QueryState';
import { useFormat } from '../../lib/format';

const isField = (value: string): value is DisclosureField => Object.hasOwn(DISCLOSURE_FIELDS, value);
const isRecipient = (value: string): value is Recipient => Object.hasOwn(RECIPIENT_LABEL, value);

/** The verstrekkingenregister: recipient, legal basis, fields, period, how many people, when, by whom. */
export function RegisterTable({
  query,
  caption,
  empty,
  showSubjects = true,
  card = false,
}: {
  query: UseQueryResult<readonly RegisterEntry[], unknown>;
  caption: string;
  empty: EmptyContent;
  showSubjects?: boolean;
  card?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const fieldLabel = (value: string) => (isField(value) ? t(`disclosures.fields.${value}`) : value);
  /** A list of children only (GGD, VVE, a school): counted as children, not as "personen". */
  const aboutChildrenOnly = (entry: RegisterEntry) => entry.recipient !== 'marketing' && !entry.fields.some((f) => f.startsWith('parent_'));
  /** Period of an export: a month (Belastingdienst) or a day. */
  const period = (value: string | null) => (value === null ? '—' : /^\d{4}-\d{2}$/.test(value) ? fmt.month(value) : fmt.date(value));
  return (
    <DataTable
      query={query}
      card={card}
      caption={caption}
      rowKey={(entry) => entry.id}
      minWidth={900}
      loaderHeight={60}
      tableProps={{ verticalSpacing: 'xs' }}
      empty={empty}
      columns={[
        { key: 'when', header: t('disclosures.register.when'), cell: (entry) => fmt.dateTime(entry.createdAt), whiteSpace: 'nowrap' },
        {
          key: 'recipient',
          header: t('disclosures.register.recipient'),
          cell: (entry) => (
            <>
              <Text fw={600} size="sm">
                {entry.recipientName}
              </Text>
              <Badge variant="light" size="xs" color="gray">
                {isRecipient(entry.recipient) ? t(`disclosures.recipients.${entry.recipient}`) : isManualRecipient(entry.recipient) ? t(`recordDisclosure.kinds.${entry.recipient}`) : entry.recipient}
                {' · '}
                {entry.format.toUpperCase()}
              </Badge>
            </>
          ),
        },
        {
          key: 'legalBasis',
          header: t('disclosures.register.legalBasis'),
          cell: (entry) => (
            <>
              <Text size="sm" maw={280}>
                {entry.legalBasis}
              </Text>
              {entry.orderReference && (
                <Text size="xs" c="dimmed">
                  {t('recordDisclosure.orderReferenceLine', { reference: entry.orderReference })}
                </Text>
              )}
              {entry.confidentiality && (
                <Text size="xs" c="dimmed" maw={280}>
                  {t('recordDisclosure.confidentialityLine', { text: entry.confidentiality })}
                </Text>
              )}
            </>
          ),
        },
        { key: 'fields', header: t('disclosures.register.fields'), cell: (entry) => <Text size="sm" maw={320}>{entry.fields.map(fieldLabel).join(', ')}</Text> },
        { key: 'period', header: t('disclosures.register.period'), cell: (entry) => period(entry.period), whiteSpace: 'nowrap' },
        showSubjects && { key: 'subjects', header: t('disclosures.register.subjects'), cell: (entry) => t(aboutChildrenOnly(entry) ? 'disclosures.register.childCount' : 'disclosures.register.subjectCount', { count: entry.subjectCount }) },
        (query.data ?? []).some((entry) => entry.restrictionDecisions.length > 0) && {
          key: 'restricted',
          header: t('disclosures.register.restricted'),
          cell: (entry: RegisterEntry) => <RestrictionDecisions decisions={entry.restrictionDecisions} />,
        },
        { key: 'by', header: t('disclosures.register.by'), cell: (entry) => entry.createdByName },
      ]}
    />
  );
}

/** One person's lines in the register (child page, household page); it also feeds the access report. */
export function PersonDisclosures({ subjectType, subjectId, name }: { subjectType: NonNullable<MethodInput<'disclosures.register'>['subjectType']>; subjectId: string; name: string }) {
  const { t } = useTranslation();
  const register = useQuery(apiQuery('disclosures.register', { subjectType, subjectId }));
  return <RegisterTable query={register} caption={t('disclosures.register.captionFor', { name })} empty={t('disclosures.register.noneFor', { name })} showSubjects={false} />;
}

/** The manager's decisions about persons under restriction in this disclosure, with the reasons. */
function RestrictionDecisions({ decisions }: { decisions: RegisterEntry['restrictionDecisions'] }) {
  const { t } = useTranslation();
  if (decisions.length === 0) return '—';
  return (
    <Stack gap={4} maw={320}>
      {decisions.map((d, i) => (
        <Text size="sm" key={i}>
          <Text span fw={600} size="sm">
            {d.name}
          </Text>
          {': '}
          {d.include ? t('disclosures.register.restrictedIncluded') : t('disclosures.register.restrictedExcluded')}
          {' — '}
          {d.reason}
        </Text>
      ))}
    </Stack>
  );
}
