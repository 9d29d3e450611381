import { Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MeldcodeRoute, OpenCaseInput } from '../../../../shared/api/meldcode.schemas';
import { applyServerErrors, formResolver } from '../../api/forms';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { DateField } from '../children/common';
import { formatDate } from '../children/format';
import { meldcodeQuery, useCaseMutation } from './api';
import { appToday } from '../../../../shared/domain/clock';

/**
 * "Meldcodedossier openen": the route, who it is about and the date. From a child's page the
 * child is fixed; from the Meldcode page it is picked by name.
 */
export function OpenCaseDialog({ child, onClose, onOpened }: { child?: { id: string; name: string }; onClose: () => void; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const children = useQuery({ ...meldcodeQuery('meldcode.children', {}), enabled: !child });
  const { control, register, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(OpenCaseInput),
    defaultValues: { route: 'huiselijk', childId: child?.id ?? null, suspectEmployeeName: '', openedOn: appToday() },
  });
  const route = useWatch({ control, name: 'route' });
  const { errors } = formState;
  const open = useCaseMutation('meldcode.open', {
    onSuccess: (value) => {
      notify({ title: t('common.saved'), message: t('meldcode.openDialog.opened') });
      onOpened(value.id);
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['route', 'childId', 'suspectEmployeeName', 'openedOn'])); },
  });

  return (
    <AppModal onClose={onClose} title={t('meldcode.openDialog.title')} size="lg">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); open.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <Controller
            control={control}
            name="route"
            render={({ field }) => (
              <Radio.Group label={t('meldcode.routeLabel')} withAsterisk value={field.value} onChange={field.onChange} error={errors.route?.message}>
                <Stack gap="xs" mt="xs">
                  {MeldcodeRoute.options.map((r) => (
                    <Radio key={r} value={r} label={t(`meldcode.routes.${r}`)} description={t(`meldcode.routeHelp.${r}`)} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
          {child ? (
            <Text>
              <Text span fw={600}>
                {t('meldcode.openDialog.child')}:
              </Text>{' '}
              {child.name}
            </Text>
          ) : (
            <Controller
              control={control}
              name="childId"
              render={({ field }) => (
                <Select
                  label={t('meldcode.openDialog.child')}
                  withAsterisk={route === 'huiselijk'}
                  placeholder={t('meldcode.openDialog.childPlaceholder')}
                  searchable
                  clearable
                  nothingFoundMessage={t('meldcode.openDialog.noChildren')}
                  data={(children.data ?? []).map((c) => ({ value: c.id, label: t('meldcode.openDialog.childOption', { name: c.name, group: c.groupName, birthDate: formatDate(c.birthDate) }) }))}
                  value={field.value ?? null}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={errors.childId?.message}
                  data-autofocus
                />
              )}
            />
          )}
          {route === 'medewerker' && <TextInput label={t('meldcode.openDialog.employeeName')} withAsterisk autoComplete="off" {...register('suspectEmployeeName')} error={errors.suspectEmployeeName?.message} />}
          <DateField control={control} name="openedOn" label={t('meldcode.openDialog.openedOn')} required maw={220} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={open.isPending}>
              {t('meldcode.openDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
