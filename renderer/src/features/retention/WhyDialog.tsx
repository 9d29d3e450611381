import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HoldReasonKind, LiftHoldInput, PlaceHoldInput, type LegalHold, type SubjectType, type WhySubjectType } from '../../../../shared/api/retention.schemas';
import { errorMessage } from '../../api/forms';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { DataTable } from '../../components/DataTable';
import { DateField, SelectField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFileDownload } from '../../lib/files';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';

/** "Waarom bewaren?" button for a person's page or row; only for whom manages retention (retention.manage). */
export function WhyButton({ subjectType, id }: { subjectType: WhySubjectType; id: string }) {
  const { t } = useTranslation();
  const may = useCan();
  const [open, setOpen] = useState(false);
  if (!may('retention.manage')) return null;
  return (
    <>
      <Button size="xs" variant="light" onClick={() => { setOpen(true); }}>
        {t('retention.whyButton')}
      </Button>
      {open && <WhyDialog subjectType={subjectType} id={id} onClose={() => { setOpen(false); }} />}
    </>
  );
}

/** Each category of the person's data, its rule, legal basis and date; the holds on the record. */
function WhyDialog({ subjectType, id, onClose }: { subjectType: WhySubjectType; id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const why = useQuery(apiQuery('retention.why', { subjectType, id }));
  const pdf = useFileDownload('retention.whyPdf');
  return (
    <AppModal onClose={onClose} title={t('retention.whyTitle')} size="xl">
      <QueryState query={why} loaderHeight={120}>
        {(data) => (
          <Stack gap="md">
            <Group justify="space-between">
              <Stack gap={0}>
                <Text fw={700}>{data.name}</Text>
                <Text size="sm" c="dimmed">
                  {t('retention.whyIntro')}
                </Text>
              </Stack>
              <Button variant="light" loading={pdf.isPending} onClick={() => { pdf.mutate({ subjectType, id }); }}>
                {t('retention.whyPdf')}
              </Button>
            </Group>
            <FormError message={pdf.isError ? errorMessage(pdf.error) : null} />
            <DataTable
              rows={data.items}
              caption={t('retention.whyTitle')}
              rowKey={(item) => item.category}
              minWidth={720}
              columns={[
                { key: 'category', header: t('retention.category'), cell: (item) => item.category, strong: true },
                {
                  key: 'rule',
                  header: t('retention.rule'),
                  cell: (item) => (
                    <>
                      <Text size="sm">{item.rule}</Text>
                      <Text size="xs" c="dimmed">
                        {item.legalBasis}
                      </Text>
                    </>
                  ),
                },
                { key: 'date', header: t('retention.date'), cell: (item) => (item.destructionDate ? `${t(`retention.actions.${item.action}`)} ${fmt.date(item.destructionDate)}` : t('retention.notYet')) },
                { key: 'explanation', header: t('retention.explanation'), cell: (item) => <Text size="sm">{item.explanation}</Text> },
              ]}
            />
            <Holds subjectType={subjectType} id={id} holds={data.holds} />
          </Stack>
        )}
      </QueryState>
    </AppModal>
  );
}

/** Blokkades on the record: place one (reason, review date) or lift it with a reason. */
function Holds({ subjectType, id, holds }: { subjectType: SubjectType; id: string; holds: LegalHold[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [placing, setPlacing] = useState(false);
  const [lifting, setLifting] = useState<LegalHold | null>(null);
  return (
    <Section
      level={3}
      title={t('retention.holdsTitle')}
      actions={
        <Button size="xs" variant="light" onClick={() => { setPlacing(true); }}>
          {t('retention.placeHold')}
        </Button>
      }
    >
      {holds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('retention.noHolds')}
        </Text>
      ) : (
        holds.map((hold) => (
          <Group key={hold.id} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Group gap="xs">
                <Badge variant="light" color={hold.liftedAt ? 'gray' : 'orange'}>
                  {t(`retention.reasonKinds.${hold.reasonKind}`)}
                </Badge>
                <Text size="sm">{hold.reason}</Text>
              </Group>
              <Text size="xs" c="dimmed">
                {t('retention.placedBy', { name: hold.placedByName, date: fmt.date(hold.placedAt) })} · {t('retention.reviewDate')} {fmt.date(hold.reviewDate)}
                {hold.liftedAt && ` · ${t('retention.liftedBy', { name: hold.liftedByName ?? '', date: fmt.date(hold.liftedAt) })}`}
              </Text>
            </Stack>
            {!hold.liftedAt && (
              <Button size="xs" variant="default" onClick={() => { setLifting(hold); }}>
                {t('retention.lift')}
              </Button>
            )}
          </Group>
        ))
      )}
      {placing && <PlaceHoldDialog subjectType={subjectType} id={id} onClose={() => { setPlacing(false); }} />}
      {lifting && <LiftHoldDialog hold={lifting} onClose={() => { setLifting(null); }} />}
    </Section>
  );
}

function PlaceHoldDialog({ subjectType, id, onClose }: { subjectType: SubjectType; id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: PlaceHoldInput,
    defaultValues: { subjectType, subjectId: id, reason: '', reviewDate: '' },
    mutation: useApiMutation('holds.place'),
    success: () => t('retention.holdPlaced'),
    onSuccess: onClose,
  });
  const { control } = form;
  return (
    <FormDialog form={form} title={t('retention.placeHold')} intro={<Text size="sm">{t('retention.placeHoldIntro')}</Text>} onClose={onClose} submitLabel={t('retention.placeHold')} size="md">
      <SelectField control={control} name="reasonKind" label={t('retention.reasonKind')} required autoFocus allowDeselect data={HoldReasonKind.options.map((k) => ({ value: k, label: t(`retention.reasonKinds.${k}`) }))} />
      <TextField control={control} name="reason" label={t('retention.holdReason')} required />
      <DateField control={control} name="reviewDate" label={t('retention.reviewDate')} required maw={180} />
    </FormDialog>
  );
}

function LiftHoldDialog({ hold, onClose }: { hold: LegalHold; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: LiftHoldInput,
    defaultValues: { id: hold.id, reason: '' },
    mutation: useApiMutation('holds.lift'),
    success: () => t('retention.holdLifted'),
    onSuccess: onClose,
  });
  return (
    <FormDialog form={form} title={t('retention.liftTitle')} onClose={onClose} submitLabel={t('retention.liftConfirm')} size="md">
      <TextField control={form.control} name="reason" label={t('retention.liftReason')} required autoFocus />
    </FormDialog>
  );
}
