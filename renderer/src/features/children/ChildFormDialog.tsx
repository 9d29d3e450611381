import { SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChildInput, ChildUpdateInput, type Child } from '../../../../shared/api/clients.schemas';
import type { MethodOutput } from '../../../../shared/api/contract';
import { useApiMutation } from '../../api/mutations';
import { ChildFields } from '../../components/ClientFields';
import { FormDialog, type FormHandle } from '../../components/FormDialog';
import { useApiForm } from '../../components/useApiForm';

function ChildDialog({ form, title, submitLabel, onClose, children }: { form: FormHandle; title: string; submitLabel?: string; onClose: () => void; children: ReactNode }) {
  return (
    <FormDialog form={form} title={title} submitLabel={submitLabel} onClose={onClose}>
      <SimpleGrid cols={2} style={{ alignItems: 'start' }}>
        {children}
      </SimpleGrid>
    </FormDialog>
  );
}

/** "Kind toevoegen" to a household (children.create), with an optional BSN. */
export function AddChildDialog({
  householdId,
  defaultSurname,
  onClose,
  onSaved,
}: {
  householdId: string;
  defaultSurname: { surnamePrefix: string | null; surname: string };
  onClose: () => void;
  onSaved: (child: MethodOutput<'children.create'>) => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: ChildInput,
    defaultValues: { householdId, firstName: '', initials: '', surnamePrefix: defaultSurname.surnamePrefix ?? '', surname: defaultSurname.surname, birthDate: '', groupId: '', bsn: '' },
    mutation: useApiMutation('children.create'),
    success: (child) => t('households.childAdded', { name: child.displayName }),
    onSuccess: onSaved,
  });
  return (
    <ChildDialog form={form} title={t('children.form.addTitle')} submitLabel={t('children.form.addSubmit')} onClose={onClose}>
      <ChildFields control={form.control} withBsn bsnDescription={t('children.form.bsnHelp')} />
    </ChildDialog>
  );
}

/** "Gegevens wijzigen": name, birth date and group (children.update). The BSN has its own actions. */
export function EditChildDialog({ child, onClose }: { child: Child; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: ChildUpdateInput,
    defaultValues: {
      id: child.id,
      firstName: child.firstName,
      initials: child.initials ?? '',
      surnamePrefix: child.surnamePrefix ?? '',
      surname: child.surname,
      birthDate: child.birthDate,
      groupId: child.groupId ?? '',
    },
    mutation: useApiMutation('children.update'),
    success: () => t('child.updated'),
    onSuccess: onClose,
  });
  return (
    <ChildDialog form={form} title={t('children.form.editTitle')} onClose={onClose}>
      <ChildFields control={form.control} currentGroupId={child.groupId} />
    </ChildDialog>
  );
}
