import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DisclosureEntry } from '../../../../shared/api/consents.schemas';
import { DISCLOSURE_FIELDS, RECIPIENT_LABEL, type DisclosureField, type Recipient } from '../../../../shared/domain/disclosures';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { formatDate, formatDateTime } from '../children/format';

const isField = (value: string): value is DisclosureField => Object.hasOwn(DISCLOSURE_FIELDS, value);
const isRecipient = (value: string): value is Recipient => Object.hasOwn(RECIPIENT_LABEL, value);

/** Period of an export: a month (Belastingdienst) or a day. */
function period(value: string | null) {
  if (!value) return '—';
  return /^\d{4}-\d{2}$/.test(value) ? value.split('-').reverse().join('-') : formatDate(value);
}

/** The verstrekkingenregister: recipient, legal basis, fields, how many people, when, by whom. */
export function RegisterTable({ entries, caption, showSubjects = true }: { entries: DisclosureEntry[]; caption: string; showSubjects?: boolean }) {
  const { t } = useTranslation();
  const fieldLabel = (value: string) => (isField(value) ? t(`disclosures.fields.${value}`) : value);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('disclosures.register.when')}</Table.Th>
            <Table.Th scope="col">{t('disclosures.register.recipient')}</Table.Th>
            <Table.Th scope="col">{t('disclosures.register.legalBasis')}</Table.Th>
            <Table.Th scope="col">{t('disclosures.register.fields')}</Table.Th>
            <Table.Th scope="col">{t('disclosures.register.period')}</Table.Th>
            {showSubjects && <Table.Th scope="col">{t('disclosures.register.subjects')}</Table.Th>}
            <Table.Th scope="col">{t('disclosures.register.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.createdAt)}</Table.Td>
              <Table.Td>
                <Text fw={600} size="sm">
                  {entry.recipientName}
                </Text>
                <Badge variant="light" size="xs" color="gray">
                  {isRecipient(entry.recipient) ? t(`disclosures.recipients.${entry.recipient}`) : entry.recipient}
                  {' · '}
                  {entry.format.toUpperCase()}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" maw={280}>
                  {entry.legalBasis}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" maw={320}>
                  {entry.fields.map(fieldLabel).join(', ')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{period(entry.period)}</Table.Td>
              {showSubjects && <Table.Td>{t('disclosures.register.subjectCount', { count: entry.subjectCount })}</Table.Td>}
              <Table.Td>{entry.createdByName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One person's lines in the register (child page, household page); it will feed the access report. */
export function PersonDisclosures({ subjectType, subjectId, name }: { subjectType: 'child' | 'parent'; subjectId: string; name: string }) {
  const { t } = useTranslation();
  const register = useQuery(apiQuery('disclosures.register', { subjectType, subjectId }));
  if (register.isPending) return <LoadingState minHeight={60} />;
  if (register.isError) return <FormError message={errorMessage(register.error)} />;
  if (register.data.length === 0) return <Text c="dimmed" size="sm">{t('disclosures.register.noneFor', { name })}</Text>;
  return <RegisterTable entries={register.data} caption={t('disclosures.register.captionFor', { name })} showSubjects={false} />;
}
