import { Alert, Button, Fieldset, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { DisclosureParams, ExportFormat } from '../../../../shared/api/consents.schemas';
import { RestrictedSubjectType, RestrictionDecisionInput, type LegalDisclosurePreview, type RestrictedPerson } from '../../../../shared/api/restrictedDisclosures.schemas';
import { zm } from '../../../../shared/i18n/translate';
import { errorMessage, formResolver } from '../../api/forms';
import { DataTable } from '../../components/DataTable';
import { RadioField, TextAreaField } from '../../components/fields';
import { FormError } from '../../components/FormError';
import { Section } from '../../components/Section';
import { useFileDownload } from '../../lib/files';
import { useFormat } from '../../lib/format';

type Params = z.output<typeof DisclosureParams>;
type PreviewRow = { key: string; cells: readonly string[] };

/** Per restricted person: included (the law requires it) or left out, and why. */
const DecisionsForm = z.object({
  decisions: z.array(
    z.object({
      subjectType: RestrictedSubjectType,
      subjectId: z.string(),
      choice: z
        .enum(['include', 'exclude'])
        .nullable()
        .refine((value) => value !== null, zm('disclosures.restricted.chooseDecision')),
      reason: RestrictionDecisionInput.shape.reason,
    }),
  ),
});
type DecisionsValues = z.input<typeof DecisionsForm>;

/**
 * What the recipient would get, row for row (BSNs masked on screen, complete only in the file),
 * and — for a legally required disclosure — the persons under restriction (AVG art. 18), named
 * instead of left out silently. Each needs the manager's decision with a reason before the export.
 */
export function LegalPreview({ params, preview }: { params: Params; preview: LegalDisclosurePreview }) {
  const { t } = useTranslation();
  const { recipientName, legalBasis, columns, rows, heading, restricted } = preview;
  const exporter = useFileDownload('disclosures.export');
  const { control, handleSubmit } = useForm<DecisionsValues, unknown, z.output<typeof DecisionsForm>>({
    resolver: formResolver(DecisionsForm),
    values: { decisions: restricted.map((p) => ({ subjectType: p.subjectType, subjectId: p.subjectId, choice: null, reason: '' })) },
    resetOptions: { keepDirtyValues: true },
  });
  // The preview opens below the form, out of sight on an office screen: bring it into view.
  useEffect(() => {
    document.getElementById('disclosure-preview-title')?.scrollIntoView({ block: 'start' });
  }, [preview]);

  const exportAs = (format: ExportFormat) => {
    if (restricted.length === 0) {
      exporter.mutate({ params, format, decisions: [] });
      return;
    }
    void handleSubmit((values) => {
      exporter.mutate({ params, format, decisions: values.decisions.map((d) => ({ subjectType: d.subjectType, subjectId: d.subjectId, include: d.choice === 'include', reason: d.reason })) });
    })();
  };
  const nothing = rows.length === 0 && restricted.length === 0;

  return (
    <Stack gap="lg">
      <Section
        title={t('disclosures.preview.title', { recipient: recipientName })}
        id="disclosure-preview"
        actions={
          <>
            <Button variant="default" disabled={nothing} loading={exporter.isPending && exporter.variables.format === 'csv'} onClick={() => { exportAs('csv'); }}>
              {t('disclosures.preview.exportCsv')}
            </Button>
            <Button disabled={nothing} loading={exporter.isPending && exporter.variables.format === 'pdf'} onClick={() => { exportAs('pdf'); }}>
              {t('disclosures.preview.exportPdf')}
            </Button>
          </>
        }
      >
        <Stack gap={2} mb="sm">
          {heading && (
            <Text size="sm" fw={600} data-testid="ggd-heading">
              {t('disclosures.ggd.heading', { location: heading.locationName, lrk: heading.lrkNumber, day: heading.day })}
            </Text>
          )}
          <Text size="sm">{t('disclosures.preview.legalBasis', { basis: legalBasis })}</Text>
          <Text size="sm" c="dimmed" role="status">
            {t('disclosures.preview.count', { count: rows.length })}
            {restricted.length > 0 && ` ${t('disclosures.restricted.countNote', { count: restricted.length })}`}
          </Text>
        </Stack>
        <Text size="sm" c="dimmed" mb="md">
          {t('disclosures.preview.registerNote')}
          {heading && ` ${t('disclosures.ggd.oneLine')}`}
        </Text>
        <FormError message={exporter.isError ? errorMessage(exporter.error) : null} />
        <ScrollArea.Autosize mah={480} type="auto">
          <DataTable
            // Rows have no id of their own; their order is fixed by the backend.
            rows={rows.map((cells, index) => ({ key: String(index), cells }))}
            rowKey={(row) => row.key}
            caption={t('disclosures.preview.caption', { recipient: recipientName })}
            tableProps={{ verticalSpacing: 'xs', striped: true, stickyHeader: true }}
            empty={t('disclosures.preview.empty')}
            columns={columns.map((column, j) => ({ key: column.key, header: t(`disclosures.fields.${column.key}`), cell: (row: PreviewRow) => row.cells[j] }))}
          />
        </ScrollArea.Autosize>
      </Section>
      {restricted.length > 0 && (
        <Section title={t('disclosures.restricted.title', { count: restricted.length })} intro={t('disclosures.restricted.intro')} id="disclosure-restricted">
          <Alert color="orange" variant="light" mb="md" title={t('disclosures.restricted.alertTitle')}>
            {t('disclosures.restricted.alert')}
          </Alert>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {restricted.map((person, index) => (
              <PersonDecision key={`${person.subjectType}:${person.subjectId}`} person={person} index={index} control={control} />
            ))}
          </SimpleGrid>
        </Section>
      )}
    </Stack>
  );
}

function PersonDecision({ person, index, control }: { person: RestrictedPerson; index: number; control: ReturnType<typeof useForm<DecisionsValues, unknown, z.output<typeof DecisionsForm>>>['control'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Fieldset legend={person.name} aria-label={person.name}>
      <Stack gap="sm">
        <Text size="sm">{person.subjectType === 'child' ? t('disclosures.restricted.asChild') : t('disclosures.restricted.asParent', { children: person.childName ?? '' })}</Text>
        <Text size="sm" c="dimmed">
          {t('disclosures.restricted.since', { date: fmt.date(person.since), reason: person.restrictionReason })}
        </Text>
        <RadioField
          control={control}
          name={`decisions.${index}.choice`}
          label={t('disclosures.restricted.decision')}
          required
          stacked
          options={[
            { value: 'include', label: t('disclosures.restricted.include'), description: t('disclosures.restricted.includeHelp') },
            { value: 'exclude', label: t('disclosures.restricted.exclude'), description: t('disclosures.restricted.excludeHelp') },
          ]}
        />
        <TextAreaField control={control} name={`decisions.${index}.reason`} label={t('disclosures.restricted.reason')} required description={t('disclosures.restricted.reasonHelp')} />
      </Stack>
    </Fieldset>
  );
}
