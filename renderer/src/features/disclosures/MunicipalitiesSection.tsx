import { Button, Checkbox, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { MunicipalityInput, type Municipality as MunicipalitySchema } from '../../../../shared/api/consents.schemas';
import { VVE_ALLOWED_FIELDS } from '../../../../shared/domain/disclosures';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { TextAreaField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';

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
    <Section title={t('municipalities.title')} intro={t('municipalities.intro')} id="municipalities" actions={<Button onClick={() => { setEditing('new'); }}>{t('municipalities.add')}</Button>}>
      <DataTable
        query={list}
        caption={t('municipalities.caption')}
        rowKey={(m) => m.id}
        minWidth={760}
        loaderHeight={80}
        empty={{ title: t('municipalities.emptyTitle'), text: t('municipalities.empty') }}
        columns={[
          { key: 'name', header: t('municipalities.name'), cell: (m) => m.name, strong: true },
          { key: 'legalBasis', header: t('municipalities.legalBasis'), cell: (m) => m.legalBasis },
          { key: 'fields', header: t('municipalities.fields'), cell: (m) => m.fields.map((f) => t(`disclosures.fields.${f}`)).join(', ') },
          {
            key: 'actions',
            header: t('municipalities.actions'),
            cell: (m) => (
              <Button size="compact-sm" variant="default" onClick={() => { setEditing(m); }} aria-label={t('municipalities.editFor', { name: m.name })}>
                {t('municipalities.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <MunicipalityDialog municipality={editing === 'new' ? null : editing} onClose={() => { setEditing(null); }} />}
    </Section>
  );
}

function MunicipalityDialog({ municipality, onClose }: { municipality: Municipality | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: MunicipalityInput,
    defaultValues: { id: municipality?.id ?? null, name: municipality?.name ?? '', legalBasis: municipality?.legalBasis ?? '', fields: municipality?.fields ?? [] },
    mutation: useApiMutation('municipalities.save'),
    success: (saved) => t('municipalities.saved', { name: saved.name }),
    onSuccess: onClose,
  });
  const { control } = form;
  return (
    <FormDialog form={form} title={municipality ? t('municipalities.editTitle', { name: municipality.name }) : t('municipalities.add')} onClose={onClose}>
      <TextField control={control} name="name" label={t('municipalities.name')} required autoFocus />
      <TextAreaField control={control} name="legalBasis" label={t('municipalities.legalBasis')} description={t('municipalities.legalBasisHelp')} required />
      <Controller
        control={control}
        name="fields"
        render={({ field, fieldState }) => (
          <Checkbox.Group label={t('municipalities.fields')} description={t('municipalities.fieldsHelp')} withAsterisk value={field.value} onChange={field.onChange} error={fieldState.error?.message}>
            <SimpleGrid cols={2} mt="xs" spacing="xs">
              {VVE_ALLOWED_FIELDS.map((f) => (
                <Checkbox key={f} value={f} label={t(`disclosures.fields.${f}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
      />
    </FormDialog>
  );
}
