import { useTranslation } from 'react-i18next';
import { MarkInformedInput, type StatementOverview } from '../../../../shared/api/privacyStatement.contract';
import { appToday } from '../../../../shared/domain/clock';
import { useApiMutation } from '../../api/mutations';
import { DateField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useApiForm } from '../../components/useApiForm';

type Notice = NonNullable<StatementOverview['notice']>;

/** "Ouders geïnformeerd": the day the manager told the parents about the new version; the task then goes on every PC. */
export function MarkInformedDialog({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: MarkInformedInput,
    defaultValues: { id: notice.id, informedOn: appToday() },
    mutation: useApiMutation('privacyStatement.markInformed'),
    success: () => t('privacyStatement.marked'),
    onSuccess: onClose,
  });
  return (
    <FormDialog form={form} title={t('privacyStatement.markTitle', { version: notice.version })} intro={t('privacyStatement.markIntro')} onClose={onClose} submitLabel={t('privacyStatement.markInformed')} size="md">
      <DateField control={form.control} name="informedOn" label={t('privacyStatement.markDate')} required autoFocus />
    </FormDialog>
  );
}
