import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ContractInput, type Contract } from '../../../../shared/api/clients.schemas';
import { appToday } from '../../../../shared/domain/clock';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { CareTypeField, ContractStatusBadge, DaysField, HoursField, useDaysText } from '../../components/ClientFields';
import { DataTable } from '../../components/DataTable';
import { DateField } from '../../components/fields';
import { DialogButtons, FormDialog } from '../../components/FormDialog';
import { useApiForm, type FormMutation } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';

type Dialog = { kind: 'create' } | { kind: 'edit'; contract: Contract } | { kind: 'end'; contract: Contract } | null;
type ContractValues = z.output<typeof ContractInput>;

/** Contracten of one child (contracts.manage): list, add, edit, end. */
export function ContractsSection({ childId, childName }: { childId: string; childName: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const daysText = useDaysText();
  const contracts = useQuery(apiQuery('contracts.listForChild', { childId }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => { setDialog(null); };
  const what = (c: Contract) => ({ careType: t(`clients.careTypes.${c.careType}`), date: fmt.date(c.startDate) });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          {t('contracts.intro')}
        </Text>
        <Button onClick={() => { setDialog({ kind: 'create' }); }}>{t('contracts.add')}</Button>
      </Group>
      <DataTable
        query={contracts}
        caption={t('contracts.caption', { name: childName })}
        rowKey={(c) => c.id}
        minWidth={760}
        loaderHeight={80}
        empty={t('contracts.empty')}
        columns={[
          { key: 'careType', header: t('clients.careType'), cell: (c) => t(`clients.careTypes.${c.careType}`), strong: true },
          { key: 'days', header: t('contracts.days'), cell: (c) => daysText(c.days) },
          { key: 'hours', header: t('contracts.hours'), cell: (c) => t('contracts.hoursValue', { hours: fmt.number(c.hoursPerWeek) }) },
          { key: 'start', header: t('contracts.startDate'), cell: (c) => fmt.date(c.startDate) },
          { key: 'end', header: t('contracts.endDate'), cell: (c) => (c.endDate ? fmt.date(c.endDate) : <Text span c="dimmed">{t('contracts.noEnd')}</Text>) },
          { key: 'status', header: t('contracts.status'), cell: (c) => <ContractStatusBadge status={c.status} /> },
          {
            key: 'actions',
            header: t('contracts.actions'),
            cell: (c) => (
              <Group gap="xs" wrap="nowrap">
                <Button size="compact-sm" variant="default" onClick={() => { setDialog({ kind: 'edit', contract: c }); }} aria-label={t('contracts.editFor', what(c))}>
                  {t('contracts.edit')}
                </Button>
                {!c.endDate && (
                  <Button size="compact-sm" variant="light" color="red" onClick={() => { setDialog({ kind: 'end', contract: c }); }} aria-label={t('contracts.endFor', what(c))}>
                    {t('contracts.end')}
                  </Button>
                )}
              </Group>
            ),
          },
        ]}
      />
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

/** contracts.create for a new contract, contracts.update (by id) for an existing one. */
function useSaveContract(contract: Contract | undefined): FormMutation<ContractValues, Contract> {
  const create = useApiMutation('contracts.create');
  const update = useApiMutation('contracts.update');
  return {
    mutate: (values, callbacks) => {
      if (!contract) {
        create.mutate(values, callbacks);
        return;
      }
      const { childId: _childId, ...fields } = values;
      update.mutate({ id: contract.id, ...fields }, callbacks);
    },
    isPending: create.isPending || update.isPending,
  };
}

/** "Contract toevoegen" / "Contract bewerken". Setting an end date first asks for confirmation. */
function ContractDialog({ childId, childName, contract, onClose }: { childId: string; childName: string; contract?: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [confirming, setConfirming] = useState<ContractValues | null>(null);
  const form = useApiForm({
    schema: ContractInput,
    defaultValues: {
      childId,
      careType: contract?.careType,
      days: contract?.days ?? [],
      hoursPerWeek: contract?.hoursPerWeek,
      startDate: contract?.startDate ?? appToday(),
      endDate: contract?.endDate ?? '',
    },
    mutation: useSaveContract(contract),
    success: () => (contract ? t('contracts.updated') : t('contracts.created')),
    onSuccess: onClose,
    onValid: (values, send) => {
      const endsNow = values.endDate && values.endDate !== (contract?.endDate ?? null);
      if (endsNow) setConfirming(values);
      else send(values);
    },
    onError: (_error, message) => {
      // Back from the confirmation to the form, where the errors are.
      setConfirming(null);
      return message;
    },
  });
  const { control } = form;

  if (confirming) {
    return (
      <AppModal onClose={() => { setConfirming(null); }} title={t('contracts.confirmEndTitle')} size="md">
        <Stack gap="md">
          <Text>{t('contracts.confirmEndText', { date: fmt.date(confirming.endDate) })}</Text>
          <EndWarning childName={childName} />
          <DialogButtons onCancel={() => { setConfirming(null); }} label={t('contracts.confirmEnd')} color="red" pending={form.pending} onConfirm={() => { form.send(confirming); }} focusCancel cancelLabel={t('contracts.back')} />
        </Stack>
      </AppModal>
    );
  }

  return (
    <FormDialog form={form} title={contract ? t('contracts.editTitle') : t('contracts.addTitle')} onClose={onClose} submitLabel={contract ? t('common.save') : t('contracts.addSubmit')}>
      <CareTypeField control={control} name="careType" />
      <DaysField control={control} name="days" label={t('contracts.days')} />
      <HoursField control={control} name="hoursPerWeek" maw={200} />
      <SimpleGrid cols={2}>
        <DateField control={control} name="startDate" label={t('contracts.startDate')} required />
        <DateField control={control} name="endDate" label={t('contracts.endDate')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('contracts.endDateHelp')}
      </Text>
    </FormDialog>
  );
}

/** "Beëindigen": only the end date, with the consequence spelled out (the dossier task). */
function EndContractDialog({ contract, childName, onClose }: { contract: Contract; childName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => ContractInput.refine((v) => Boolean(v.endDate), { path: ['endDate'], message: t('contracts.endDateRequired') }), [t]);
  const form = useApiForm({
    schema,
    defaultValues: {
      childId: contract.childId,
      careType: contract.careType,
      days: contract.days,
      hoursPerWeek: contract.hoursPerWeek,
      startDate: contract.startDate,
      endDate: appToday() < contract.startDate ? contract.startDate : appToday(),
    },
    mutation: useSaveContract(contract),
    // Only the end date is on screen; every other value is the contract's own.
    fields: ['endDate'],
    success: () => t('contracts.ended', { name: childName }),
    onSuccess: onClose,
  });
  return (
    <FormDialog form={form} title={t('contracts.endTitle', { name: childName })} onClose={onClose} submitLabel={t('contracts.confirmEnd')} submitColor="red" size="md">
      <DateField control={form.control} name="endDate" label={t('contracts.endDate')} required autoFocus />
      <EndWarning childName={childName} />
    </FormDialog>
  );
}
