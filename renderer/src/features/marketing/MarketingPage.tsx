import { Alert, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OptOutInput } from '../../../../shared/api/consents.schemas';
import { contract } from '../../../../shared/api/contract';
import { appToday } from '../../../../shared/domain/clock';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { DateField, RadioField, TextField } from '../../components/fields';
import { ApiForm, FormDialog, SubmitButton } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFileDownload } from '../../lib/files';
import { useFormat } from '../../lib/format';

const HOW = OptOutInput.shape.how.options;
type How = (typeof HOW)[number];
const isHow = (value: string): value is How => HOW.some((h) => h === value);

/** Marketing: bezwaar tegen marketing (opt-out register) and the pseudonymised e-mail export. */
export function MarketingPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('marketing.title')} intro={t('marketing.intro')} />
      <Stack gap="lg">
        <ExportCard />
        <OptOutsCard />
      </Stack>
    </>
  );
}

/** What the file holds, said plainly before anyone makes it; the export is a registered disclosure. */
function ExportCard() {
  const { t } = useTranslation();
  const [count, setCount] = useState<number | null>(null);
  const form = useApiForm({
    schema: contract['marketing.export'].input,
    defaultValues: { recipientName: '' },
    mutation: useFileDownload('marketing.export'),
    onValid: (values, send) => {
      setCount(null);
      send(values);
    },
    // Saving can be cancelled (Electron's dialog): the count is shown only for a saved file.
    onSuccess: ({ file, saved }) => { if (saved) setCount(file.count); },
  });
  return (
    <Section title={t('marketing.exportTitle')} id="marketing-export">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('marketing.containsTitle')}
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('marketing.contains1')}</List.Item>
            <List.Item>{t('marketing.contains2')}</List.Item>
            <List.Item>{t('marketing.contains3')}</List.Item>
            <List.Item>{t('marketing.contains4')}</List.Item>
          </List>
        </Stack>
        <ApiForm form={form} gap="sm">
          <TextField control={form.control} name="recipientName" label={t('marketing.platform')} description={t('marketing.platformHelp')} required />
          <Group>
            <SubmitButton form={form}>{t('marketing.export')}</SubmitButton>
          </Group>
          {count !== null && (
            <Alert color="green" variant="light" role="status">
              {t('marketing.exported', { count })}
            </Alert>
          )}
        </ApiForm>
      </SimpleGrid>
    </Section>
  );
}

function OptOutsCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useQuery(apiQuery('marketing.optOuts', {}));
  const [adding, setAdding] = useState(false);
  return (
    <Section title={t('marketing.optOutsTitle')} intro={t('marketing.optOutsIntro')} id="marketing-optouts" actions={<Button onClick={() => { setAdding(true); }}>{t('marketing.addOptOut')}</Button>}>
      <DataTable
        query={list}
        caption={t('marketing.optOutsTitle')}
        rowKey={(optOut) => optOut.id}
        minWidth={640}
        loaderHeight={80}
        tableProps={{ verticalSpacing: 'xs' }}
        empty={{ title: t('marketing.noOptOutsTitle'), text: t('marketing.noOptOuts') }}
        columns={[
          { key: 'email', header: t('marketing.email'), cell: (optOut) => optOut.email, strong: true },
          { key: 'requestedOn', header: t('marketing.requestedOn'), cell: (optOut) => fmt.date(optOut.requestedOn) },
          { key: 'how', header: t('marketing.how'), cell: (optOut) => (isHow(optOut.how) ? t(`marketing.hows.${optOut.how}`) : optOut.how) },
          { key: 'by', header: t('marketing.recordedBy'), cell: (optOut) => optOut.recordedByName },
        ]}
      />
      {adding && <OptOutDialog onClose={() => { setAdding(false); }} />}
    </Section>
  );
}

/** "Bezwaar vastleggen": the address is left out of every later export. */
function OptOutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: OptOutInput,
    defaultValues: { email: '', requestedOn: appToday() },
    mutation: useApiMutation('marketing.addOptOut'),
    success: (optOut) => t('marketing.optOutSaved', { email: optOut.email }),
    onSuccess: onClose,
  });
  const { control } = form;
  return (
    <FormDialog form={form} title={t('marketing.addOptOut')} onClose={onClose} submitLabel={t('marketing.addOptOutSubmit')} size="md">
      <TextField control={control} name="email" label={t('marketing.email')} type="email" required autoFocus />
      <DateField control={control} name="requestedOn" label={t('marketing.requestedOn')} required maw={180} />
      <RadioField control={control} name="how" label={t('marketing.how')} required options={HOW.map((how) => ({ value: how, label: t(`marketing.hows.${how}`) }))} />
    </FormDialog>
  );
}
