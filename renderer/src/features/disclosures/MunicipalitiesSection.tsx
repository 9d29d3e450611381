import { Button, Card, Checkbox, EmptyState, Group, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { MunicipalityInput, type Municipality as MunicipalitySchema } from '../../../../shared/api/consents.schemas';
import { VVE_ALLOWED_FIELDS } from '../../../../shared/domain/disclosures';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { useApiMutation } from '../../api/mutations';

type Municipality = z.infer<typeof MunicipalitySchema>;

/**
 * Gemeenten (VVE): per municipality the fields its regulation requires for early-education
 * (voor- en vroegschoolse educatie) funding — the export holds those and nothing else.
 */
export function MunicipalitiesSection() {
  const { t } = useTranslation();
  const list = useQuery(apiQuery('municipalities.list', {}));
  const [editing, setEditing] = useState<Municipality | 'new' | null>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="municipalities-title">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={2} maw={680}>
          <Title order={2} size="h3" id="municipalities-title">
            {t('municipalities.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('municipalities.intro')}
          </Text>
        </Stack>
        <Button onClick={() => { setEditing('new'); }}>{t('municipalities.add')}</Button>
      </Group>
      {list.isPending ? (
        <LoadingState minHeight={80} />
      ) : list.isError ? (
        <FormError message={errorMessage(list.error)} />
      ) : list.data.length === 0 ? (
        <EmptyState py="lg" title={t('municipalities.emptyTitle')} description={t('municipalities.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm">
            <VisuallyHidden component="caption">{t('municipalities.caption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('municipalities.name')}</Table.Th>
                <Table.Th scope="col">{t('municipalities.legalBasis')}</Table.Th>
                <Table.Th scope="col">{t('municipalities.fields')}</Table.Th>
                <Table.Th scope="col">{t('municipalities.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td fw={600}>{m.name}</Table.Td>
                  <Table.Td>{m.legalBasis}</Table.Td>
                  <Table.Td>{m.fields.map((f) => t(`disclosures.fields.${f}`)).join(', ')}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="default" onClick={() => { setEditing(m); }} aria-label={t('municipalities.editFor', { name: m.name })}>
                      {t('municipalities.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <MunicipalityDialog municipality={editing === 'new' ? null : editing} onClose={() => { setEditing(null); }} />}
    </Card>
  );
}

function MunicipalityDialog({ municipality, onClose }: { municipality: Municipality | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(MunicipalityInput),
    defaultValues: { id: municipality?.id ?? null, name: municipality?.name ?? '', legalBasis: municipality?.legalBasis ?? '', fields: municipality?.fields ?? [] },
  });
  const { errors } = formState;
  const save = useApiMutation('municipalities.save', {
    onSuccess: (saved) => {
      notify({ title: t('common.saved'), message: t('municipalities.saved', { name: saved.name }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['name', 'legalBasis', 'fields'])); },
  });
  return (
    <AppModal onClose={onClose} title={municipality ? t('municipalities.editTitle', { name: municipality.name }) : t('municipalities.add')}>
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <TextInput label={t('municipalities.name')} withAsterisk data-autofocus autoComplete="off" {...register('name')} error={errors.name?.message} />
          <Textarea label={t('municipalities.legalBasis')} description={t('municipalities.legalBasisHelp')} withAsterisk autosize minRows={2} {...register('legalBasis')} error={errors.legalBasis?.message} />
          <Controller
            control={control}
            name="fields"
            render={({ field }) => (
              <Checkbox.Group label={t('municipalities.fields')} description={t('municipalities.fieldsHelp')} withAsterisk value={field.value} onChange={field.onChange} error={errors.fields?.message}>
                <SimpleGrid cols={2} mt="xs" spacing="xs">
                  {VVE_ALLOWED_FIELDS.map((f) => (
                    <Checkbox key={f} value={f} label={t(`disclosures.fields.${f}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
