import { Alert, Anchor, Button, Card, Group, NativeSelect, Radio, ScrollArea, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DisclosureKind, DisclosureParams } from '../../../../shared/api/consents.schemas';
import { BELASTINGDIENST_FIELDS, GGD_FIELDS } from '../../../../shared/domain/disclosures';
import { errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { DateField } from '../children/common';
import { useFileDownload } from '../consents/files';
import { appToday } from '../../../../shared/domain/clock';

type Params = z.output<typeof DisclosureParams>;
type ParamsForm = z.input<typeof DisclosureParams>;

/** The last twelve months as YYYY-MM, newest first (kinderopvangtoeslag is reported per month). */
function recentMonths(today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** Choose a recipient, preview exactly the rows it would receive, then export CSV or PDF (registered). */
export function NewDisclosure({ onOpenMunicipalities }: { onOpenMunicipalities: () => void }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useState<Params | null>(null);
  const groups = useQuery(apiQuery('children.list', {}));
  const municipalities = useQuery(apiQuery('municipalities.list', {}));
  const months = recentMonths(appToday());
  const monthLabel = (month: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const { control, handleSubmit, formState } = useForm({
    resolver: formResolver(DisclosureParams),
    defaultValues: { kind: 'ggd', month: months[1], date: appToday(), groupName: null, municipalityId: null } as ParamsForm,
  });
  const { errors } = formState;
  const kind = useWatch({ control, name: 'kind' });
  const fieldsOf = (k: (typeof DisclosureKind.options)[number]) =>
    k === 'belastingdienst' ? BELASTINGDIENST_FIELDS.map((f) => t(`disclosures.fields.${f}`)).join(', ') : k === 'ggd' ? GGD_FIELDS.map((f) => t(`disclosures.fields.${f}`)).join(', ') : t('disclosures.new.vveFields');

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" component="section" aria-labelledby="disclosure-new">
        <Title order={2} size="h3" id="disclosure-new" mb={4}>
          {t('disclosures.new.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('disclosures.new.intro')}
        </Text>
        <form
          noValidate
          onSubmit={(event) => void handleSubmit((values) => {
            // Only the parameters of the chosen recipient are sent.
            setParams({
              kind: values.kind,
              ...(values.kind === 'belastingdienst' ? { month: values.month } : {}),
              ...(values.kind === 'ggd' ? { date: values.date, groupName: values.groupName } : {}),
              ...(values.kind === 'gemeente_vve' ? { municipalityId: values.municipalityId } : {}),
            });
          })(event)}
        >
          <Stack gap="md">
            <Controller
              control={control}
              name="kind"
              render={({ field }) => (
                <Radio.Group label={t('disclosures.new.recipient')} withAsterisk value={field.value} onChange={(value) => { field.onChange(value); setParams(null); }}>
                  <SimpleGrid cols={{ base: 1, md: 3 }} mt="xs">
                    {DisclosureKind.options.map((option) => (
                      <Radio.Card key={option} value={option} p="md" radius="md" withBorder style={{ display: 'flex', alignItems: 'flex-start' }}>
                        <Group wrap="nowrap" align="flex-start">
                          <Radio.Indicator />
                          <Stack gap={4}>
                            <Text fw={600}>{t(`disclosures.recipients.${option}`)}</Text>
                            <Text size="xs" c="dimmed">
                              {t(`disclosures.new.why.${option}`)}
                            </Text>
                            <Text size="xs">{t('disclosures.new.fieldsLine', { fields: fieldsOf(option) })}</Text>
                          </Stack>
                        </Group>
                      </Radio.Card>
                    ))}
                  </SimpleGrid>
                </Radio.Group>
              )}
            />
            <Group align="flex-start" gap="lg">
              {kind === 'belastingdienst' && (
                <Controller
                  control={control}
                  name="month"
                  render={({ field }) => (
                    <NativeSelect label={t('disclosures.new.month')} withAsterisk value={field.value ?? ''} onChange={(event) => { field.onChange(event.currentTarget.value); }} data={months.map((m) => ({ value: m, label: monthLabel(m) }))} error={errors.month?.message} miw={220} />
                  )}
                />
              )}
              {kind === 'ggd' && (
                <>
                  <DateField control={control} name="date" label={t('disclosures.new.inspectionDate')} required maw={200} />
                  <Controller
                    control={control}
                    name="groupName"
                    render={({ field }) => (
                      <NativeSelect
                        label={t('disclosures.new.group')}
                        value={field.value ?? ''}
                        onChange={(event) => { field.onChange(event.currentTarget.value || null); }}
                        data={[{ value: '', label: t('disclosures.new.allGroups') }, ...(groups.data?.groups ?? [])]}
                        miw={200}
                      />
                    )}
                  />
                </>
              )}
              {kind === 'gemeente_vve' &&
                (municipalities.data && municipalities.data.length === 0 ? (
                  <Alert color="yellow" variant="light" title={t('disclosures.new.noMunicipalityTitle')}>
                    {t('disclosures.new.noMunicipality')}{' '}
                    <Anchor component="button" type="button" onClick={onOpenMunicipalities} inherit>
                      {t('disclosures.new.toMunicipalities')}
                    </Anchor>
                  </Alert>
                ) : (
                  <Controller
                    control={control}
                    name="municipalityId"
                    render={({ field }) => (
                      <NativeSelect
                        label={t('disclosures.new.municipality')}
                        withAsterisk
                        value={field.value ?? ''}
                        onChange={(event) => { field.onChange(event.currentTarget.value || null); }}
                        data={[{ value: '', label: t('disclosures.new.chooseMunicipality') }, ...(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))]}
                        error={errors.municipalityId?.message}
                        miw={240}
                      />
                    )}
                  />
                ))}
            </Group>
            <Group>
              <Button type="submit">{t('disclosures.new.preview')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {params && <Preview params={params} />}
    </Stack>
  );
}

/** What the recipient would get, row for row; BSNs are masked on screen, complete only in the file. */
function Preview({ params }: { params: Params }) {
  const { t } = useTranslation();
  const preview = useQuery(apiQuery('disclosures.preview', params));
  const exporter = useFileDownload('disclosures.export');
  if (preview.isPending) return <LoadingState minHeight={120} />;
  if (preview.isError) return <FormError message={errorMessage(preview.error)} />;
  const { recipientName, legalBasis, columns, rows } = preview.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="disclosure-preview">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" id="disclosure-preview">
            {t('disclosures.preview.title', { recipient: recipientName })}
          </Title>
          <Text size="sm">{t('disclosures.preview.legalBasis', { basis: legalBasis })}</Text>
          <Text size="sm" c="dimmed" role="status">
            {t('disclosures.preview.count', { count: rows.length })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" disabled={rows.length === 0} loading={exporter.isPending && exporter.variables.format === 'csv'} onClick={() => { exporter.mutate({ params, format: 'csv' }); }}>
            {t('disclosures.preview.exportCsv')}
          </Button>
          <Button disabled={rows.length === 0} loading={exporter.isPending && exporter.variables.format === 'pdf'} onClick={() => { exporter.mutate({ params, format: 'pdf' }); }}>
            {t('disclosures.preview.exportPdf')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('disclosures.preview.registerNote')}
      </Text>
      <FormError message={exporter.isError ? errorMessage(exporter.error) : null} />
      {rows.length === 0 ? (
        <Text c="dimmed">{t('disclosures.preview.empty')}</Text>
      ) : (
        <ScrollArea.Autosize mah={480} type="auto">
          <Table verticalSpacing="xs" striped stickyHeader>
            <VisuallyHidden component="caption">{t('disclosures.preview.caption', { recipient: recipientName })}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.key} scope="col">
                    {t(`disclosures.fields.${column.key}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                // Rows have no id of their own; their order is fixed by the backend.
                <Table.Tr key={i}>
                  {row.map((cell, j) => (
                    <Table.Td key={columns[j]!.key}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
