import { Button, DataList, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MedicalInfo } from '../../../../shared/api/clients.schemas';
import { contract } from '../../../../shared/api/contract';
import { useApiMutation } from '../../api/mutations';
import { apiKey, apiQuery, queryClient } from '../../api/queries';
import { TextAreaField } from '../../components/fields';
import { ApiForm, DialogButtons } from '../../components/FormDialog';
import { QueryState } from '../../components/QueryState';
import { Detail } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';

/**
 * Medische gegevens en bijzonderheden. Mounted only while its tab is open: every medical.get is
 * audit-logged (special-category data), so it is read once when the user opens the tab, not on
 * window focus, and dropped from memory when the tab closes. Staff receive allergies, diet and medication; the other particulars are manager-only.
 */
export function MedicalSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
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
      <QueryState query={medical} loaderHeight={80}>
        {(info) => (editing ? <MedicalForm info={info} onDone={() => { setEditing(false); }} /> : <MedicalView info={info} onEdit={() => { setEditing(true); }} />)}
      </QueryState>
    </Stack>
  );
}

function MedicalView({ info, onEdit }: { info: MedicalInfo; onEdit: () => void }) {
  const { t } = useTranslation();
  const may = useCan();
  const fmt = useFormat();
  const value = (text: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{text ?? <Text span c="dimmed">{t('medical.none')}</Text>}</span>;
  return (
    <>
      <DataList labelWidth={220}>
        <Detail label={t('medical.allergies')}>{value(info.allergies)}</Detail>
        <Detail label={t('medical.diet')}>{value(info.diet)}</Detail>
        <Detail label={t('medical.medication')}>{value(info.medication)}</Detail>
        {info.otherParticulars !== undefined && <Detail label={t('medical.otherParticulars')}>{value(info.otherParticulars)}</Detail>}
      </DataList>
      {!may('medical.full') && (
        <Text size="sm" c="dimmed">
          {t('medical.staffScope')}
        </Text>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {info.updatedAt ? t('medical.updatedAt', { date: fmt.dateTime(info.updatedAt) }) : t('medical.neverFilled')}
        </Text>
        {may('medical.write') && (
          <Button variant="light" onClick={onEdit}>
            {t('medical.edit')}
          </Button>
        )}
      </Group>
    </>
  );
}

/** The manager edits all four fields (medical.update). */
function MedicalForm({ info, onDone }: { info: MedicalInfo; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: contract['medical.update'].input,
    defaultValues: {
      childId: info.childId,
      allergies: info.allergies ?? '',
      diet: info.diet ?? '',
      medication: info.medication ?? '',
      otherParticulars: info.otherParticulars ?? '',
    },
    // The answer is the fresh (and already audited) read: it goes into the cache in the mutation's
    // own onSuccess, before the after-write refresh looks, so medical.get is not read (and audited) again.
    mutation: useApiMutation('medical.update', {
      onSuccess: (saved) => { queryClient.setQueryData(apiKey('medical.get', { childId: info.childId }), saved); },
    }),
    success: () => t('medical.saved'),
    onSuccess: onDone,
  });
  const { control } = form;
  return (
    <ApiForm form={form}>
      <TextAreaField control={control} name="allergies" label={t('medical.allergies')} description={t('medical.allergiesHelp')} autoFocus />
      <TextAreaField control={control} name="diet" label={t('medical.diet')} />
      <TextAreaField control={control} name="medication" label={t('medical.medication')} description={t('medical.medicationHelp')} />
      <TextAreaField control={control} name="otherParticulars" label={t('medical.otherParticulars')} />
      <DialogButtons onCancel={onDone} label={t('common.save')} pending={form.pending} />
    </ApiForm>
  );
}
