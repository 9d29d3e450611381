import { Alert, Badge, Button, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExchangeConsentInput, type ExchangeConsent } from '../../../../shared/api/consents.schemas';
import { contract } from '../../../../shared/api/contract';
import { appToday } from '../../../../shared/domain/clock';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { CheckboxField, DateField, RadioField, TextAreaField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';

const RECIPIENT_TYPES = ExchangeConsentInput.shape.recipientType.options;
type RecipientType = (typeof RECIPIENT_TYPES)[number];
const isRecipientType = (value: string): value is RecipientType => RECIPIENT_TYPES.some((type) => type === value);
type ContractParent = { id: string; displayName: string };

/**
 * Toestemming voor uitwisseling met een school of zorginstelling: per recipient, written, given by
 * the contract parent, valid until a date. A disclosure to such a recipient needs one that is valid.
 */
export function ExchangeSection({ childId, childName, contractParent }: { childId: string; childName: string; contractParent: ContractParent | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useQuery(apiQuery('exchange.list', { childId }));
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'withdraw'; consent: ExchangeConsent } | null>(null);
  const close = () => { setDialog(null); };

  return (
    <Section
      level={3}
      title={t('exchange.title')}
      intro={t('exchange.intro')}
      actions={
        <Button variant="light" onClick={() => { setDialog({ kind: 'create' }); }} disabled={!contractParent}>
          {t('exchange.add')}
        </Button>
      }
    >
      <DataTable
        query={list}
        caption={t('exchange.caption', { name: childName })}
        rowKey={(consent) => consent.id}
        minWidth={900}
        loaderHeight={60}
        tableProps={{ verticalSpacing: 'xs' }}
        empty={t('exchange.empty')}
        columns={[
          {
            key: 'recipient',
            header: t('exchange.recipient'),
            cell: (consent) => (
              <>
                <Text fw={600} size="sm">
                  {consent.recipientName}
                </Text>
                <Text size="xs" c="dimmed">
                  {isRecipientType(consent.recipientType) ? t(`exchange.types.${consent.recipientType}`) : consent.recipientType}
                </Text>
              </>
            ),
          },
          { key: 'purpose', header: t('exchange.purpose'), cell: (consent) => consent.purpose, whiteSpace: 'pre-wrap' },
          { key: 'data', header: t('exchange.data'), cell: (consent) => consent.dataDescription, whiteSpace: 'pre-wrap' },
          { key: 'given', header: t('exchange.given'), cell: (consent) => t('exchange.givenBy', { name: consent.parentName, date: fmt.date(consent.givenOn) }) },
          { key: 'validUntil', header: t('exchange.validUntil'), cell: (consent) => fmt.date(consent.validUntil) },
          {
            key: 'status',
            header: t('exchange.status'),
            cell: (consent) => (
              <Badge variant="light" color={consent.valid ? 'green' : 'gray'}>
                {consent.valid ? t('exchange.valid') : consent.withdrawnOn ? t('exchange.withdrawnOn', { date: fmt.date(consent.withdrawnOn) }) : t('exchange.expired')}
              </Badge>
            ),
          },
          {
            key: 'actions',
            header: t('exchange.actions'),
            cell: (consent) =>
              consent.valid && (
                <Button size="compact-sm" variant="light" color="red" onClick={() => { setDialog({ kind: 'withdraw', consent }); }} aria-label={t('exchange.withdrawFor', { recipient: consent.recipientName })}>
                  {t('exchange.withdraw')}
                </Button>
              ),
          },
        ]}
      />
      {dialog?.kind === 'create' && contractParent && <ExchangeDialog childId={childId} childName={childName} contractParent={contractParent} onClose={close} />}
      {dialog?.kind === 'withdraw' && <WithdrawExchangeDialog consent={dialog.consent} onClose={close} />}
    </Section>
  );
}

function ExchangeDialog({ childId, childName, contractParent, onClose }: { childId: string; childName: string; contractParent: ContractParent; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: ExchangeConsentInput,
    defaultValues: { childId, parentId: contractParent.id, recipientName: '', purpose: '', dataDescription: '', validUntil: '', givenOn: appToday() },
    mutation: useApiMutation('exchange.create'),
    success: (consent) => t('exchange.saved', { recipient: consent.recipientName }),
    onSuccess: onClose,
  });
  const { control } = form;
  return (
    <FormDialog form={form} title={t('exchange.addTitle', { name: childName })} onClose={onClose} submitLabel={t('exchange.addSubmit')}>
      <TextField control={control} name="recipientName" label={t('exchange.recipient')} required autoFocus />
      <RadioField control={control} name="recipientType" label={t('exchange.recipientType')} required options={RECIPIENT_TYPES.map((type) => ({ value: type, label: t(`exchange.types.${type}`) }))} />
      <TextAreaField control={control} name="purpose" label={t('exchange.purpose')} required />
      <TextAreaField control={control} name="dataDescription" label={t('exchange.data')} description={t('exchange.dataHelp')} required />
      <SimpleGrid cols={2}>
        <DateField control={control} name="givenOn" label={t('exchange.givenOn')} required />
        <DateField control={control} name="validUntil" label={t('exchange.validUntil')} required />
      </SimpleGrid>
      <CheckboxField control={control} name="written" label={t('exchange.written', { name: contractParent.displayName })} />
    </FormDialog>
  );
}

/** Intrekken: from the given date on, nothing may be shared with this recipient any more. */
function WithdrawExchangeDialog({ consent, onClose }: { consent: ExchangeConsent; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: contract['exchange.withdraw'].input,
    defaultValues: { id: consent.id, withdrawnOn: appToday() },
    mutation: useApiMutation('exchange.withdraw'),
    success: () => t('exchange.withdrawn', { recipient: consent.recipientName }),
    onSuccess: onClose,
  });
  return (
    <FormDialog form={form} title={t('exchange.withdrawTitle', { recipient: consent.recipientName })} onClose={onClose} submitLabel={t('exchange.withdraw')} submitColor="red" size="md">
      <Alert color="red" variant="light">
        {t('exchange.withdrawWarning', { recipient: consent.recipientName })}
      </Alert>
      <DateField control={form.control} name="withdrawnOn" label={t('exchange.withdrawnOnLabel')} required autoFocus maw={180} />
    </FormDialog>
  );
}
