import { Button, DataList, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MedicalInfo } from '../../../../shared/api/clients.schemas';
import { contract } from '../../../../shared/api/contract';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiKey, apiQuery, queryClient } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { useCan } from '../auth/session';
import { formatDateTime } from './format';
import { useApiMutation } from '../../api/mutations';

/**
 * Medische gegevens en bijzonderheden. Mounted only while its tab is open: every medical.get is
 * audit-logged (special-category data), so it is read once when the user opens the tab, not on
 * window focus, and dropped from memory when the tab closes. Staff receive allergies and diet only.
 */
export function MedicalSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const may = useCan();
  const [editing, setEditing] = useState(false);
  const medical = useQuery({
    ...apiQuery('medical.get', { childId }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  return (
    <Stack gap="md">
      <Text size="xs" c="dimmed">
        {t('medical.auditNotice')}
      </Text>
      {medical.isPending ? (
        <LoadingState minHeight={80} />
      ) : medical.isError ? (
        <FormError message={errorMessage(medical.error)} />
      ) : editing ? (
        <MedicalForm info={medical.data} onDone={() => { setEditing(false); }} />
      ) : (
        <>
          <DataList labelWidth={220}>
            <MedicalItem label={t('medical.allergies')} value={medical.data.allergies} />
            <MedicalItem label={t('medical.diet')} value={medical.data.diet} />
            {medical.data.medication !== undefined && <MedicalItem label={t('medical.medication')} value={medical.data.medication} />}
            {medical.data.otherParticulars !== undefined && <MedicalItem label={t('medical.otherParticulars')} value={medical.data.otherParticulars} />}
          </DataList>
          {!may('medical.full') && (
            <Text size="sm" c="dimmed">
              {t('medical.staffScope')}
            </Text>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {medical.data.updatedAt ? t('medical.updatedAt', { date: formatDateTime(medical.data.updatedAt) }) : t('medical.neverFilled')}
            </Text>
            {may('medical.write') && (
              <Button variant="light" onClick={() => { setEditing(true); }}>
                {t('medical.edit')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

function MedicalItem({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{value ?? <Text span c="dimmed">{t('medical.none')}</Text>}</DataList.ItemValue>
    </DataList.Item>
  );
}

const MEDICAL_FIELDS = ['allergies', 'diet', 'medication', 'otherParticulars'] as const;

/** The manager edits all four fields (medical.update). */
function MedicalForm({ info, onDone }: { info: MedicalInfo; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(contract['medical.update'].input),
    defaultValues: {
      childId: info.childId,
      allergies: info.allergies ?? '',
      diet: info.diet ?? '',
      medication: info.medication ?? '',
      otherParticulars: info.otherParticulars ?? '',
    },
  });
  const { errors } = formState;
  const save = useApiMutation('medical.update', {
    onSuccess: (saved) => {
      // The answer is the fresh (and already audited) read: no second read needed.
      queryClient.setQueryData(apiKey('medical.get', { childId: info.childId }), saved);
      notify({ title: t('common.saved'), message: t('medical.saved') });
      onDone();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, MEDICAL_FIELDS)); },
  });

  return (
    <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
      <Stack gap="md">
        <FormError message={formError} />
        <Textarea label={t('medical.allergies')} description={t('medical.allergiesHelp')} autosize minRows={2} data-autofocus {...register('allergies')} error={errors.allergies?.message} />
        <Textarea label={t('medical.diet')} autosize minRows={2} {...register('diet')} error={errors.diet?.message} />
        <Textarea label={t('medical.medication')} description={t('medical.medicationHelp')} autosize minRows={2} {...register('medication')} error={errors.medication?.message} />
        <Textarea label={t('medical.otherParticulars')} autosize minRows={2} {...register('otherParticulars')} error={errors.otherParticulars?.message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
