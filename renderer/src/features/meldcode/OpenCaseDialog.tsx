import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MeldcodeRoute, OpenCaseInput } from '../../../../shared/api/meldcode.schemas';
import { appToday } from '../../../../shared/domain/clock';
import { DateField, RadioField, SelectField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { meldcodeQuery, useCaseMutation } from './api';

/**
 * "Meldcodedossier openen": the route, who it is about and the date. From a child's page the
 * child is fixed; from the Meldcode page it is picked by name.
 */
export function OpenCaseDialog({ child, onClose, onOpened }: { child?: { id: string; name: string }; onClose: () => void; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const children = useQuery({ ...meldcodeQuery('meldcode.children', {}), enabled: !child });
  const form = useApiForm({
    schema: OpenCaseInput,
    defaultValues: { route: 'huiselijk', childId: child?.id ?? null, suspectEmployeeName: '', openedOn: appToday() },
    mutation: useCaseMutation('meldcode.open'),
    success: () => t('meldcode.openDialog.opened'),
    onSuccess: (value) => { onOpened(value.id); },
  });
  const { control } = form;
  const route = useWatch({ control, name: 'route' });

  return (
    <FormDialog form={form} title={t('meldcode.openDialog.title')} onClose={onClose} submitLabel={t('meldcode.openDialog.submit')} size="lg">
      <RadioField
        control={control}
        name="route"
        label={t('meldcode.routeLabel')}
        required
        stacked
        options={MeldcodeRoute.options.map((r) => ({ value: r, label: t(`meldcode.routes.${r}`), description: t(`meldcode.routeHelp.${r}`) }))}
      />
      {child ? (
        <Text>
          <Text span fw={600}>
            {t('meldcode.openDialog.child')}:
          </Text>{' '}
          {child.name}
        </Text>
      ) : (
        <SelectField
          control={control}
          name="childId"
          label={t('meldcode.openDialog.child')}
          required={route === 'huiselijk'}
          autoFocus
          placeholder={t('meldcode.openDialog.childPlaceholder')}
          searchable
          clearable
          allowDeselect
          nothingFoundMessage={t('meldcode.openDialog.noChildren')}
          data={(children.data ?? []).map((c) => ({ value: c.id, label: t('meldcode.openDialog.childOption', { name: c.name, group: c.groupName, birthDate: fmt.date(c.birthDate) }) }))}
        />
      )}
      {route === 'medewerker' && <TextField control={control} name="suspectEmployeeName" label={t('meldcode.openDialog.employeeName')} required />}
      <DateField control={control} name="openedOn" label={t('meldcode.openDialog.openedOn')} required maw={220} />
    </FormDialog>
  );
}
