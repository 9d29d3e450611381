import { Alert, Anchor, Button, Group, NativeSelect, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DisclosureKind, DisclosureParams } from '../../../../shared/api/consents.schemas';
import { BELASTINGDIENST_FIELDS, GGD_FIELDS } from '../../../../shared/domain/disclosures';
import { appToday } from '../../../../shared/domain/clock';
import { formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { DateField } from '../../components/fields';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { LegalPreview } from './LegalPreview';

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
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useState<Params | null>(null);
  // The GGD list per group of the Groepen list (by id); archived groups only while children are in them.
  const groups = useQuery({ ...apiQuery('groups.list', {}), select: (list) => list.filter((g) => !g.archived || g.children > 0) });
  const municipalities = useQuery(apiQuery('municipalities.list', {}));
  const months = recentMonths(appToday());
  const { control, handleSubmit, formState } = useForm({
    resolver: formResolver(DisclosureParams),
    defaultValues: { kind: 'ggd', month: months[1], date: appToday(), groupId: null, municipalityId: null } as ParamsForm,
  });
  const { errors } = formState;
  const kind = useWatch({ control, name: 'kind' });
  const fieldsOf = (k: (typeof DisclosureKind.options)[number]) =>
    k === 'belastingdienst' ? BELASTINGDIENST_FIELDS.map((f) => t(`disclosures.fields.${f}`)).join(', ') : k === 'ggd' ? GGD_FIELDS.map((f) => t(`disclosures.fields.${f}`)).join(', ') : t('disclosures.new.vveFields');

  return (
    <Stack gap="lg">
      <Section title={t('disclosures.new.title')} intro={t('disclosures.new.intro')} id="disclosure-new">
        <form
          noValidate
          onSubmit={(event) => void handleSubmit((values) => {
            // Only the parameters of the chosen recipient are sent.
            setParams({
              kind: values.kind,
              ...(values.kind === 'belastingdienst' ? { month: values.month } : {}),
              ...(values.kind === 'ggd' ? { date: values.date, groupId: values.groupId } : {}),
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
                    <NativeSelect label={t('disclosures.new.month')} withAsterisk value={field.value ?? ''} onChange={(event) => { field.onChange(event.currentTarget.value); }} data={months.map((m) => ({ value: m, label: fmt.month(m) }))} error={errors.month?.message} miw={220} />
                  )}
                />
              )}
              {kind === 'ggd' && (
                <>
                  <DateField control={control} name="date" label={t('disclosures.new.inspectionDate')} required maw={200} />
                  <Controller
                    control={control}
                    name="groupId"
                    render={({ field }) => (
                      <NativeSelect
                        label={t('disclosures.new.group')}
                        value={field.value ?? ''}
                        onChange={(event) => { field.onChange(event.currentTarget.value || null); }}
                        data={[{ value: '', label: t('disclosures.new.allGroups') }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
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
      </Section>
      {params && <Preview params={params} />}
    </Stack>
  );
}

/** The preview of the chosen disclosure, with its restricted persons to decide about. */
function Preview({ params }: { params: Params }) {
  const preview = useQuery(apiQuery('disclosures.preview', params));
  return (
    <QueryState query={preview} loaderHeight={120}>
      {(data) => <LegalPreview params={params} preview={data} />}
    </QueryState>
  );
}
