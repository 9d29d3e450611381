import { Alert, Button, Card, EmptyState, Group, List, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { OptOutInput } from '../../../../shared/api/consents.schemas';
import { contract } from '../../../../shared/api/contract';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { DateField } from '../children/common';
import { formatDate } from '../children/format';
import { useApiMutation } from '../../api/mutations';
import { useFileDownload } from '../consents/files';
import { appToday } from '../../../../shared/domain/clock';

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
  const exporter = useFileDownload('marketing.export', { onSaved: (file) => { setCount(file.count); } });
  const { register, handleSubmit, formState } = useForm({
    resolver: formResolver(contract['marketing.export'].input),
    defaultValues: { recipientName: '' },
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="marketing-export">
      <Title order={2} size="h3" id="marketing-export" mb="sm">
        {t('marketing.exportTitle')}
      </Title>
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
        <form noValidate onSubmit={(event) => void handleSubmit((input) => { setCount(null); exporter.mutate(input); })(event)}>
          <Stack gap="sm">
            <FormError message={exporter.isError ? errorMessage(exporter.error) : null} />
            <TextInput label={t('marketing.platform')} description={t('marketing.platformHelp')} withAsterisk autoComplete="off" {...register('recipientName')} error={formState.errors.recipientName?.message} />
            <Group>
              <Button type="submit" loading={exporter.isPending}>
                {t('marketing.export')}
              </Button>
            </Group>
            {count !== null && (
              <Alert color="green" variant="light" role="status">
                {t('marketing.exported', { count })}
              </Alert>
            )}
          </Stack>
        </form>
      </SimpleGrid>
    </Card>
  );
}

function OptOutsCard() {
  const { t } = useTranslation();
  const list = useQuery(apiQuery('marketing.optOuts', {}));
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="marketing-optouts">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={2} maw={680}>
          <Title order={2} size="h3" id="marketing-optouts">
            {t('marketing.optOutsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('marketing.optOutsIntro')}
          </Text>
        </Stack>
        <Button onClick={() => { setAdding(true); }}>{t('marketing.addOptOut')}</Button>
      </Group>
      {list.isPending ? (
        <LoadingState minHeight={80} />
      ) : list.isError ? (
        <FormError message={errorMessage(list.error)} />
      ) : list.data.length === 0 ? (
        <EmptyState py="lg" title={t('marketing.noOptOutsTitle')} description={t('marketing.noOptOuts')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <VisuallyHidden component="caption">{t('marketing.optOutsTitle')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('marketing.email')}</Table.Th>
                <Table.Th scope="col">{t('marketing.requestedOn')}</Table.Th>
                <Table.Th scope="col">{t('marketing.how')}</Table.Th>
                <Table.Th scope="col">{t('marketing.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((optOut) => (
                <Table.Tr key={optOut.id}>
                  <Table.Td fw={600}>{optOut.email}</Table.Td>
                  <Table.Td>{formatDate(optOut.requestedOn)}</Table.Td>
                  <Table.Td>{isHow(optOut.how) ? t(`marketing.hows.${optOut.how}`) : optOut.how}</Table.Td>
                  <Table.Td>{optOut.recordedByName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <OptOutDialog onClose={() => { setAdding(false); }} />}
    </Card>
  );
}

type OptOutForm = z.input<typeof OptOutInput>;

/** "Bezwaar vastleggen": the address is left out of every later export. */
function OptOutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(OptOutInput),
    defaultValues: { email: '', requestedOn: appToday() } as OptOutForm,
  });
  const { errors } = formState;
  const save = useApiMutation('marketing.addOptOut', {
    onSuccess: (optOut) => {
      notify({ title: t('common.saved'), message: t('marketing.optOutSaved', { email: optOut.email }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['email', 'requestedOn', 'how'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('marketing.addOptOut')} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <TextInput label={t('marketing.email')} type="email" withAsterisk data-autofocus autoComplete="off" {...register('email')} error={errors.email?.message} />
          <DateField control={control} name="requestedOn" label={t('marketing.requestedOn')} required maw={180} />
          <Controller
            control={control}
            name="how"
            render={({ field }) => (
              <Radio.Group label={t('marketing.how')} withAsterisk value={field.value ?? null} onChange={field.onChange} error={errors.how?.message}>
                <Group gap="lg" mt="xs">
                  {HOW.map((how) => (
                    <Radio key={how} value={how} label={t(`marketing.hows.${how}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('marketing.addOptOutSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
