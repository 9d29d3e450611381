import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CloseCaseInput, type MeldcodeCase } from '../../../../shared/api/meldcode.schemas';
import { destructionDate } from '../../../../shared/domain/retention';
import { applyServerErrors, formResolver } from '../../api/forms';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { DateField } from '../children/common';
import { formatDate } from '../children/format';
import { useCaseMutation } from './api';
import { appToday } from '../../../../shared/domain/clock';

/** "Dossier sluiten": closing date and summary; shows when the case file will be destroyed (retention policy in force). */
export function CloseCaseDialog({ file, onClose }: { file: MeldcodeCase; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, register, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(CloseCaseInput),
    defaultValues: { caseId: file.id, closedOn: appToday(), summary: '' },
  });
  const closedOn = useWatch({ control, name: 'closedOn' });
  const closeCase = useCaseMutation('meldcode.close', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('meldcode.closeDialog.closed') });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['closedOn', 'summary'])); },
  });

  return (
    <AppModal onClose={onClose} title={t('meldcode.closeDialog.title')} size="lg">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); closeCase.mutate(input); })(event)}>
        <Stack gap="md">
          <Text>{t('meldcode.closeDialog.text')}</Text>
          <FormError message={formError} />
          <DateField control={control} name="closedOn" label={t('meldcode.closeDialog.closedOn')} required maw={220} autoFocus />
          {/^\d{4}-\d{2}-\d{2}$/.test(closedOn) && (
            <Text fw={600} role="status">
              {t('meldcode.closeDialog.destruction', { date: formatDate(destructionDate(file.retentionPeriod, closedOn)) })}
            </Text>
          )}
          <Textarea label={t('meldcode.closeDialog.summary')} withAsterisk autosize minRows={3} {...register('summary')} error={formState.errors.summary?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={closeCase.isPending}>
              {t('meldcode.closeDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
