import { Alert, Badge, Button, Group, NumberInput, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ContractInput, type Contract } from '../../../../shared/api/clients.schemas';
import type { MethodInput } from '../../../../shared/api/contract';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { CareTypeField, DateField, DaysField, useDaysText } from './common';
import { formatDate } from './format';
import { useApiMutation } from '../../api/mutations';
import { appToday } from '../../../../shared/domain/clock';

const STATUS_COLOR = { gepland: 'blue', actief: 'green', beeindigd: 'grape' } as const;

type Dialog = { kind: 'create' } | { kind: 'edit'; contract: Contract } | { kind: 'end'; contract: Contract } | null;

/** Contracten of one child (contracts.manage): list, add, edit, end. */
export function ContractsSection({ childId, childName }: { childId: string; childName: string }) {
  const { t } = useTranslation();
  const daysText = useDaysText();
  const contracts = useQuery(apiQuery('contracts.listForChild', { childId }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => { setDialog(null); };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          {t('contracts.intro')}
        </Text>
        <Button onClick={() => { setDialog({ kind: 'create' }); }}>{t('contracts.add')}</Button>
      </Group>
      {contracts.isPending ? (
        <LoadingState minHeight={80} />
      ) : contracts.isError ? (
        <FormError message={errorMessage(contracts.error)} />
      ) : contracts.data.length === 0 ? (
        <Text c="dimmed">{t('contracts.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm">
            <VisuallyHidden component="caption">{t('contracts.caption', { name: childName })}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clients.careType')}</Table.Th>
                <Table.Th scope="col">{t('contracts.days')}</Table.Th>
                <Table.Th scope="col">{t('contracts.hours')}</Table.Th>
                <Table.Th scope="col">{t('contracts.startDate')}</Table.Th>
                <Table.Th scope="col">{t('contracts.endDate')}</Table.Th>
                <Table.Th scope="col">{t('contracts.status')}</Table.Th>
                <Table.Th scope="col">{t('contracts.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contracts.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fw={600}>{t(`clients.careTypes.${c.careType}`)}</Table.Td>
                  <Table.Td>{daysText(c.days)}</Table.Td>
                  <Table.Td>{t('contracts.hoursValue', { hours: c.hoursPerWeek.toLocaleString('nl-NL') })}</Table.Td>
                  <Table.Td>{formatDate(c.startDate)}</Table.Td>
                  <Table.Td>{c.endDate ? formatDate(c.endDate) : <Text span c="dimmed">{t('contracts.noEnd')}</Text>}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[c.status]}>
                      {t(`clients.contractStatus.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="compact-sm" variant="default" onClick={() => { setDialog({ kind: 'edit', contract: c }); }} aria-label={t('contracts.editFor', { careType: t(`clients.careTypes.${c.careType}`), date: formatDate(c.startDate) })}>
                        {t('contracts.edit')}
                      </Button>
                      {!c.endDate && (
                        <Button size="compact-sm" variant="light" color="red" onClick={() => { setDialog({ kind: 'end', contract: c }); }} aria-label={t('contracts.endFor', { careType: t(`clients.careTypes.${c.careType}`), date: formatDate(c.startDate) })}>
                          {t('contracts.end')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.kind === 'create' && <ContractDialog childId={childId} childName={childName} onClose={close} />}
      {dialog?.kind === 'edit' && <ContractDialog childId={childId} childName={childName} contract={dialog.contract} onClose={close} />}
      {dialog?.kind === 'end' && <EndContractDialog contract={dialog.contract} childName={childName} onClose={close} />}
    </Stack>
  );
}

/** Why an end date matters: the paper dossier task (privacystatement: destroyed at contract end). */
function EndWarning({ childName }: { childName: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('contracts.endWarningTitle')}>
      <Text size="sm">{t('contracts.endWarning', { name: childName })}</Text>
    </Alert>
  );
}

type ContractFormValues = MethodInput<'contracts.create'>;

/** "Contract toevoegen" / "Contract bewerken". Setting an end date first asks for confirmation. */
function ContractDialog({ childId, childName, contract, onClose }: { childId: string; childName: string; contract?: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ContractFormValues | null>(null);
  const { control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(ContractInput),
    defaultValues: {
      childId,
      careType: contract?.careType,
      days: contract?.days ?? [],
      hoursPerWeek: contract?.hoursPerWeek,
      startDate: contract?.startDate ?? appToday(),
      endDate: contract?.endDate ?? '',
    } as ContractFormValues,
  });
  const { errors } = formState;
  const onError = (error: unknown) => {
    setConfirming(null);
    setFormError(applyServerErrors(error, setError, ['careType', 'days', 'hoursPerWeek', 'startDate', 'endDate']));
  };
  const onSuccess = () => {
    notify({ title: t('common.saved'), message: contract ? t('contracts.updated') : t('contracts.created') });
    onClose();
  };
  const create = useApiMutation('contracts.create', { onSuccess, onError });
  const update = useApiMutation('contracts.update', { onSuccess, onError });
  const send = (values: ContractFormValues) => {
    setFormError(null);
    if (contract) {
      const { childId: _childId, ...fields } = values;
      update.mutate({ id: contract.id, ...fields });
    } else {
      create.mutate(values);
    }
  };

  if (confirming) {
    return (
      <AppModal onClose={() => { setConfirming(null); }} title={t('contracts.confirmEndTitle')} size="md">
        <Stack gap="md">
          <Text>{t('contracts.confirmEndText', { date: formatDate(confirming.endDate ?? null) })}</Text>
          <EndWarning childName={childName} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { setConfirming(null); }} data-autofocus>
              {t('contracts.back')}
            </Button>
            <Button color="red" loading={create.isPending || update.isPending} onClick={() => { send(confirming); }}>
              {t('contracts.confirmEnd')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    );
  }

  return (
    <AppModal onClose={onClose} title={contract ? t('contracts.editTitle') : t('contracts.addTitle')}>
      <form
        noValidate
        onSubmit={(event) => void handleSubmit((values) => {
          const endsNow = values.endDate && values.endDate !== (contract?.endDate ?? null);
          if (endsNow) setConfirming(values);
          else send(values);
        })(event)}
      >
        <Stack gap="md">
          <FormError message={formError} />
          <CareTypeField control={control} name="careType" error={errors.careType?.message} />
          <DaysField control={control} name="days" label={t('contracts.days')} error={errors.days?.message} />
          <Controller
            control={control}
            name="hoursPerWeek"
            render={({ field }) => (
              <NumberInput
                label={t('contracts.hours')}
                withAsterisk
                min={0.5}
                max={60}
                step={0.5}
                decimalScale={1}
                decimalSeparator=","
                allowNegative={false}
                value={field.value ?? ''}
                onChange={(value) => { field.onChange(typeof value === 'number' ? value : undefined); }}
                onBlur={field.onBlur}
                name={field.name}
                ref={field.ref}
                error={errors.hoursPerWeek?.message}
                maw={200}
              />
            )}
          />
          <SimpleGrid cols={2}>
            <DateField control={control} name="startDate" label={t('contracts.startDate')} required />
            <DateField control={control} name="endDate" label={t('contracts.endDate')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('contracts.endDateHelp')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {contract ? t('common.save') : t('contracts.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Beëindigen": only the end date, with the consequence spelled out (the dossier task). */
function EndContractDialog({ contract, childName, onClose }: { contract: Contract; childName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError } = useForm({
    resolver: formResolver(ContractInput),
    defaultValues: {
      childId: contract.childId,
      careType: contract.careType,
      days: contract.days,
      hoursPerWeek: contract.hoursPerWeek,
      startDate: contract.startDate,
      endDate: appToday() < contract.startDate ? contract.startDate : appToday(),
    } as ContractFormValues,
  });
  const end = useApiMutation('contracts.update', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('contracts.ended', { name: childName }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['endDate'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('contracts.endTitle', { name: childName })} size="md">
      <form
        noValidate
        onSubmit={(event) => void handleSubmit((values) => {
          if (!values.endDate) {
            setError('endDate', { type: 'required', message: t('contracts.endDateRequired') }, { shouldFocus: true });
            return;
          }
          setFormError(null);
          const { childId: _childId, ...fields } = values;
          end.mutate({ id: contract.id, ...fields });
        })(event)}
      >
        <Stack gap="md">
          <FormError message={formError} />
          <DateField control={control} name="endDate" label={t('contracts.endDate')} required autoFocus />
          <EndWarning childName={childName} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={end.isPending}>
              {t('contracts.confirmEnd')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
