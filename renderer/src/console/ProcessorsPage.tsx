import { Badge, Button, MultiSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProcessorInput, TRANSFER_MECHANISMS, type ConsoleProcessor, type SessionInfo } from '../../../shared/console/api';
import { mayDo } from '../../../shared/console/roles';
import { CATEGORIES } from '../../../shared/dataMap/categories';
import { DataTable, RowActions } from '../components/DataTable';
import { boundProps, CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../components/fields';
import { FormDialog } from '../components/FormDialog';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../lib/format';
import { consoleApi } from './api';
import { useConsoleForm } from './useConsoleForm';

const PROCESSORS_KEY = ['console', 'processors'] as const;
const CATEGORY_OPTIONS = Object.entries(CATEGORIES).map(([value, category]) => ({ value, label: category.label }));
const categoryLabel = (key: string) => CATEGORIES[key as keyof typeof CATEGORIES]?.label ?? key;

/** Verwerkersregister: processors, their agreement and review dates, sub-processors and transfers outside the EEA. */
export function ProcessorsPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const format = useFormat();
  const processors = useQuery({ queryKey: PROCESSORS_KEY, queryFn: consoleApi.processors });
  const manages = mayDo(session.user.role, 'registers.manage');
  const [editing, setEditing] = useState<ConsoleProcessor | 'new' | null>(null);
  const overdue = processors.data?.filter((p) => p.reviewOverdue).length ?? 0;
  return (
    <>
      <PageHeader title={t('console.processors.title')} intro={t('console.processors.intro')} actions={manages && <Button onClick={() => setEditing('new')}>{t('console.processors.add')}</Button>} />
      {overdue > 0 && (
        <Text c="red.9" fw={600} mb="md" role="status">
          {t('console.processors.overdueSummary', { count: overdue })}
        </Text>
      )}
      <DataTable
        card
        caption={t('console.processors.title')}
        query={processors}
        rowKey={(p) => p.id}
        empty={{ title: t('console.processors.empty'), text: t('console.processors.emptyText') }}
        columns={[
          { key: 'name', header: t('console.processors.name'), cell: (p) => p.name, rowHeader: true, strong: true, sort: (a, b) => a.name.localeCompare(b.name, 'nl') },
          { key: 'service', header: t('console.processors.service'), cell: (p) => p.service },
          { key: 'categories', header: t('console.processors.categories'), cell: (p) => p.dataCategories.map(categoryLabel).join('; ') },
          { key: 'agreement', header: t('console.processors.agreementShort'), cell: (p) => format.date(p.agreementDate), whiteSpace: 'nowrap' },
          {
            key: 'review',
            header: t('console.processors.reviewDate'),
            whiteSpace: 'nowrap',
            sort: (a, b) => a.reviewDate.localeCompare(b.reviewDate),
            cell: (p) => (
              <Stack gap={2}>
                <span>{format.date(p.reviewDate)}</span>
                {p.reviewOverdue && (
                  <Badge color="red" variant="light">
                    {t('console.processors.overdue')}
                  </Badge>
                )}
              </Stack>
            ),
          },
          {
            key: 'eea',
            header: t('console.processors.outsideEea'),
            cell: (p) =>
              p.outsideEea ? (
                <Stack gap={2}>
                  <span>{t(`console.processors.mechanismsShort.${p.transferMechanism ?? 'other'}`)}</span>
                  <Text size="sm" c={p.transferCountries ? undefined : 'red.9'}>
                    {p.transferCountries ? t('console.processors.toCountries', { countries: p.transferCountries }) : t('console.processors.countriesMissing')}
                  </Text>
                </Stack>
              ) : (
                t('console.processors.insideEea')
              ),
          },
          manages && {
            key: 'actions',
            header: t('console.processors.edit'),
            hiddenHeader: true,
            align: 'right',
            cell: (p) => (
              <RowActions>
                <Button size="compact-sm" variant="subtle" aria-label={t('console.processors.editAria', { name: p.name })} onClick={() => setEditing(p)}>
                  {t('console.processors.edit')}
                </Button>
              </RowActions>
            ),
          },
        ]}
      />
      {editing && <ProcessorDialog processor={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

const FIELDS = ['name', 'service', 'dataCategories', 'agreementDate', 'reviewDate', 'subProcessors', 'outsideEea', 'transferMechanism', 'transferCountries'] as const;

function ProcessorDialog({ processor, onClose }: { processor: ConsoleProcessor | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, handle } = useConsoleForm<ProcessorInput>({
    schema: ProcessorInput,
    defaultValues: processor
      ? { name: processor.name, service: processor.service, dataCategories: processor.dataCategories, agreementDate: processor.agreementDate, reviewDate: processor.reviewDate, subProcessors: processor.subProcessors, outsideEea: processor.outsideEea, transferMechanism: processor.transferMechanism, transferCountries: processor.transferCountries }
      : { name: '', service: '', dataCategories: [], agreementDate: '', reviewDate: '', subProcessors: '', outsideEea: false, transferMechanism: null, transferCountries: '' },
    fields: FIELDS,
    save: (input) => consoleApi.saveProcessor(processor?.id ?? null, input),
    refresh: PROCESSORS_KEY,
    success: (values) => t('console.processors.saved', { name: values.name.trim() }),
    onDone: onClose,
  });
  const outsideEea = useWatch({ control: form.control, name: 'outsideEea' });
  return (
    <FormDialog form={handle} title={processor ? t('console.processors.editTitle', { name: processor.name }) : t('console.processors.addTitle')} onClose={onClose}>
      <TextField control={form.control} name="name" label={t('console.processors.name')} required autoFocus />
      <TextField control={form.control} name="service" label={t('console.processors.service')} description={t('console.processors.serviceHint')} required />
      <Controller
        control={form.control}
        name="dataCategories"
        render={(bound) => (
          <MultiSelect
            label={t('console.processors.categories')}
            withAsterisk
            data={CATEGORY_OPTIONS}
            searchable
            value={bound.field.value}
            onChange={bound.field.onChange}
            {...boundProps(bound)}
          />
        )}
      />
      <DateField control={form.control} name="agreementDate" label={t('console.processors.agreementDate')} required maw={220} />
      <DateField control={form.control} name="reviewDate" label={t('console.processors.reviewDate')} description={t('console.processors.reviewHint')} required maw={220} />
      <TextAreaField control={form.control} name="subProcessors" label={t('console.processors.subProcessors')} description={t('console.processors.subProcessorsHint')} autosize minRows={2} />
      <CheckboxField control={form.control} name="outsideEea" label={t('console.processors.outsideEeaLabel')} />
      {outsideEea && (
        <>
          <TextField control={form.control} name="transferCountries" label={t('console.processors.countries')} description={t('console.processors.countriesHint')} required />
          <SelectField
            control={form.control}
            name="transferMechanism"
            label={t('console.processors.mechanism')}
            required
            data={TRANSFER_MECHANISMS.map((value) => ({ value, label: t(`console.processors.mechanisms.${value}`) }))}
          />
        </>
      )}
    </FormDialog>
  );
}
