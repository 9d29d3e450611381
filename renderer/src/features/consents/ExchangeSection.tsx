import { Alert, Badge, Button, Checkbox, Group, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ExchangeConsentInput, type ExchangeConsent } from '../../../../shared/api/consents.schemas';
import { contract } from '../../../../shared/api/contract';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { DateField } from '../children/common';
import { formatDate } from '../children/format';
import { useApiMutation } from '../../api/mutations';
import { appToday } from '../../../../shared/domain/clock';

const RECIPIENT_TYPES = ExchangeConsentInput.shape.recipientType.options;
type RecipientType = (typeof RECIPIENT_TYPES)[number];
const isRecipientType = (value: string): value is RecipientType => RECIPIENT_TYPES.some((type) => type === value);

/**
 * Toestemming voor uitwisseling met een school of zorginstelling: per recipient, written, given by
 * the contract parent, valid until a date. A disclosure to such a recipient needs one that is valid.
 */
export function ExchangeSection({ childId, childName, contractParent }: { childId: string; childName: string; contractParent: { id: string; displayName: string } | null }) {
  const { t } = useTranslation();
  const list = useQuery(apiQuery('exchange.list', { childId }));
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'withdraw'; consent: ExchangeConsent } | null>(null);
  const close = () => { setDialog(null); };

  return (
    <Stack gap="sm" component="section" aria-labelledby="consents-exchange">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2} maw={640}>
          <Title order={3} size="h4" id="consents-exchange">
            {t('exchange.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('exchange.intro')}
          </Text>
        </Stack>
        <Button variant="light" onClick={() => { setDialog({ kind: 'create' }); }} disabled={!contractParent}>
          {t('exchange.add')}
        </Button>
      </Group>
      {list.isPending ? (
        <LoadingState minHeight={60} />
      ) : list.isError ? (
        <FormError message={errorMessage(list.error)} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('exchange.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs">
            <VisuallyHidden component="caption">{t('exchange.caption', { name: childName })}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('exchange.recipient')}</Table.Th>
                <Table.Th scope="col">{t('exchange.purpose')}</Table.Th>
                <Table.Th scope="col">{t('exchange.data')}</Table.Th>
                <Table.Th scope="col">{t('exchange.given')}</Table.Th>
                <Table.Th scope="col">{t('exchange.validUntil')}</Table.Th>
                <Table.Th scope="col">{t('exchange.status')}</Table.Th>
                <Table.Th scope="col">{t('exchange.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((consent) => (
                <Table.Tr key={consent.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {consent.recipientName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {isRecipientType(consent.recipientType) ? t(`exchange.types.${consent.recipientType}`) : consent.recipientType}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{consent.purpose}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{consent.dataDescription}</Table.Td>
                  <Table.Td>{t('exchange.givenBy', { name: consent.parentName, date: formatDate(consent.givenOn) })}</Table.Td>
                  <Table.Td>{formatDate(consent.validUntil)}</Table.Td>
                  <Table.Td>
                    {consent.valid ? (
                      <Badge variant="light" color="green">
                        {t('exchange.valid')}
                      </Badge>
                    ) : (
                      <Badge variant="light" color="gray">
                        {consent.withdrawnOn ? t('exchange.withdrawnOn', { date: formatDate(consent.withdrawnOn) }) : t('exchange.expired')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {consent.valid && (
                      <Button size="compact-sm" variant="light" color="red" onClick={() => { setDialog({ kind: 'withdraw', consent }); }} aria-label={t('exchange.withdrawFor', { recipient: consent.recipientName })}>
                        {t('exchange.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.kind === 'create' && contractParent && <ExchangeDialog childId={childId} childName={childName} contractParent={contractParent} onClose={close} />}
      {dialog?.kind === 'withdraw' && <WithdrawExchangeDialog consent={dialog.consent} onClose={close} />}
    </Stack>
  );
}

type ExchangeFormValues = z.input<typeof ExchangeConsentInput>;

function ExchangeDialog({ childId, childName, contractParent, onClose }: { childId: string; childName: string; contractParent: { id: string; displayName: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(ExchangeConsentInput),
    defaultValues: { childId, parentId: contractParent.id, recipientName: '', purpose: '', dataDescription: '', validUntil: '', givenOn: appToday() } as ExchangeFormValues,
  });
  const { errors } = formState;
  const save = useApiMutation('exchange.create', {
    onSuccess: (consent) => {
      notify({ title: t('common.saved'), message: t('exchange.saved', { recipient: consent.recipientName }) });
      onClose();
    },
    onError: (error) => {
      setFormError(applyServerErrors(error, setError, ['recipientName', 'recipientType', 'purpose', 'dataDescription', 'validUntil', 'givenOn', 'written', 'parentId']));
    },
  });
  return (
    <AppModal onClose={onClose} title={t('exchange.addTitle', { name: childName })}>
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <TextInput label={t('exchange.recipient')} withAsterisk data-autofocus autoComplete="off" {...register('recipientName')} error={errors.recipientName?.message} />
          <Controller
            control={control}
            name="recipientType"
            render={({ field }) => (
              <Radio.Group label={t('exchange.recipientType')} withAsterisk value={field.value ?? null} onChange={field.onChange} error={errors.recipientType?.message}>
                <Group gap="lg" mt="xs">
                  {RECIPIENT_TYPES.map((type) => (
                    <Radio key={type} value={type} label={t(`exchange.types.${type}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <Textarea label={t('exchange.purpose')} withAsterisk autosize minRows={2} {...register('purpose')} error={errors.purpose?.message} />
          <Textarea label={t('exchange.data')} description={t('exchange.dataHelp')} withAsterisk autosize minRows={2} {...register('dataDescription')} error={errors.dataDescription?.message} />
          <SimpleGrid cols={2}>
            <DateField control={control} name="givenOn" label={t('exchange.givenOn')} required />
            <DateField control={control} name="validUntil" label={t('exchange.validUntil')} required />
          </SimpleGrid>
          <Controller
            control={control}
            name="written"
            render={({ field }) => (
              <Checkbox
                label={t('exchange.written', { name: contractParent.displayName })}
                checked={field.value === true}
                onChange={(event) => { field.onChange(event.currentTarget.checked ? true : undefined); }}
                error={errors.written?.message}
              />
            )}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('exchange.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Intrekken: from the given date on, nothing may be shared with this recipient any more. */
function WithdrawExchangeDialog({ consent, onClose }: { consent: ExchangeConsent; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError } = useForm({
    resolver: formResolver(contract['exchange.withdraw'].input),
    defaultValues: { id: consent.id, withdrawnOn: appToday() },
  });
  const withdraw = useApiMutation('exchange.withdraw', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('exchange.withdrawn', { recipient: consent.recipientName }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['withdrawnOn'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('exchange.withdrawTitle', { recipient: consent.recipientName })} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); withdraw.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <Alert color="red" variant="light">
            {t('exchange.withdrawWarning', { recipient: consent.recipientName })}
          </Alert>
          <DateField control={control} name="withdrawnOn" label={t('exchange.withdrawnOnLabel')} required autoFocus maw={180} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={withdraw.isPending}>
              {t('exchange.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
