import { Text } from '@mantine/core';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CloseCaseInput, type MeldcodeCase } from '../../../../shared/api/meldcode.schemas';
import { appToday } from '../../../../shared/domain/clock';
import { destructionDate } from '../../../../shared/domain/retention';
import { DateField, TextAreaField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { useCaseMutation } from './api';

/** "Dossier sluiten": closing date and summary; shows when the case file will be destroyed (retention policy in force). */
export function CloseCaseDialog({ file, onClose }: { file: MeldcodeCase; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const form = useApiForm({
    schema: CloseCaseInput,
    defaultValues: { caseId: file.id, closedOn: appToday(), summary: '' },
    mutation: useCaseMutation('meldcode.close'),
    success: () => t('meldcode.closeDialog.closed'),
    onSuccess: onClose,
  });
  const { control } = form;
  const closedOn = useWatch({ control, name: 'closedOn' });
  return (
    <FormDialog form={form} title={t('meldcode.closeDialog.title')} intro={<Text>{t('meldcode.closeDialog.text')}</Text>} onClose={onClose} submitLabel={t('meldcode.closeDialog.submit')} submitColor="red" size="lg">
      <DateField control={control} name="closedOn" label={t('meldcode.closeDialog.closedOn')} required maw={220} autoFocus />
      {/^\d{4}-\d{2}-\d{2}$/.test(closedOn) && (
        <Text fw={600} role="status">
          {t('meldcode.closeDialog.destruction', { date: fmt.date(destructionDate(file.retentionPeriod, closedOn)) })}
        </Text>
      )}
      <TextAreaField control={control} name="summary" label={t('meldcode.closeDialog.summary')} required minRows={3} />
    </FormDialog>
  );
}
