import { Button, Card, Checkbox, EmptyState, Group, List, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { contract } from '../../../../shared/api/contract';
import { PURPOSES, type PhotoPermission, type Purpose } from '../../../../shared/domain/consents';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/session';
import { useApiMutation } from '../../api/mutations';
import { useFileDownload } from './files';

const COLUMNS: readonly PhotoPermission[] = ['recognisable', 'unrecognisable', 'no'];
const isPurpose = (value: string | null): value is Purpose => PURPOSES.some((p) => p === value);

/**
 * Toestemmingen per groep: the fotolijst (photo roster) staff check before posting a picture, the
 * consent forms of a whole group in one PDF, and the privacy statement version consents refer to.
 */
export function ConsentsPage() {
  const { t } = useTranslation();
  const may = useCan();
  const [params, setParams] = useSearchParams();
  const list = useQuery(apiQuery('children.list', {}));
  const groups = list.data?.groups ?? [];
  const group = params.get('groep') ?? groups[0] ?? '';
  const purposeParam = params.get('doel');
  const purpose: Purpose = isPurpose(purposeParam) ? purposeParam : 'ouderportaal';
  const choose = (key: 'groep' | 'doel', value: string) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      return next;
    }, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('consentsPage.title')} intro={t('consentsPage.intro')} />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <FormError message={errorMessage(list.error)} />
      ) : groups.length === 0 ? (
        <Card withBorder>
          <EmptyState py="xl" title={t('consentsPage.noGroupsTitle')} description={t('consentsPage.noGroups')} />
        </Card>
      ) : (
        <Stack gap="lg">
          <Group gap="lg">
            <NativeSelect label={t('consentsPage.group')} value={group} onChange={(event) => { choose('groep', event.currentTarget.value); }} data={groups} miw={200} />
            <NativeSelect
              label={t('consents.purpose')}
              value={purpose}
              onChange={(event) => { choose('doel', event.currentTarget.value); }}
              data={PURPOSES.map((p) => ({ value: p, label: t(`consents.purposes.${p}`) }))}
              miw={240}
            />
          </Group>
          <RosterCard groupName={group} purpose={purpose} />
          {may('consents.write') && <GroupFormsCard groupName={group} />}
        </Stack>
      )}
      <PrivacyStatementCard />
    </>
  );
}

/** Fotolijst: three columns — herkenbaar, alleen niet herkenbaar, niet in beeld. */
function RosterCard({ groupName, purpose }: { groupName: string; purpose: Purpose }) {
  const { t } = useTranslation();
  const roster = useQuery(apiQuery('consents.roster', { groupName, purpose }));
  const pdf = useFileDownload('consents.rosterPdf');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="roster-title">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={2} maw={680}>
          <Title order={2} size="h3" id="roster-title">
            {t('consentsPage.rosterTitle', { group: groupName, purpose: t(`consents.purposes.${purpose}`) })}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`consents.explanations.${purpose}`)}
          </Text>
        </Stack>
        <Button variant="default" loading={pdf.isPending} onClick={() => { pdf.mutate({ groupName, purpose }); }}>
          {t('consentsPage.rosterPdf')}
        </Button>
      </Group>
      <FormError message={pdf.isError ? errorMessage(pdf.error) : null} />
      {roster.isPending ? (
        <LoadingState minHeight={80} />
      ) : roster.isError ? (
        <FormError message={errorMessage(roster.error)} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {COLUMNS.map((column) => (
            <Card key={column} withBorder padding="md" bg="gray.0" component="section" aria-labelledby={`roster-${column}`}>
              <Group justify="space-between" mb={4}>
                <Title order={3} size="h5" id={`roster-${column}`}>
                  {t(`consentsPage.columns.${column}`)}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('consentsPage.childCount', { count: roster.data[column].length })}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" mb="xs">
                {t(`consentsPage.columnHelp.${column}`)}
              </Text>
              {roster.data[column].length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('consentsPage.nobody')}
                </Text>
              ) : (
                <List size="sm" spacing={2}>
                  {roster.data[column].map((name) => (
                    <List.Item key={name}>{name}</List.Item>
                  ))}
                </List>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}

/** Every child of the group in one PDF: pre-filled with the current answers, or blank for intake. */
function GroupFormsCard({ groupName }: { groupName: string }) {
  const { t } = useTranslation();
  const [blank, setBlank] = useState(false);
  const forms = useFileDownload('consents.formPdf');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="group-forms-title">
      <Title order={2} size="h3" id="group-forms-title" mb={4}>
        {t('consentsPage.formsTitle', { group: groupName })}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('consentsPage.formsIntro')}
      </Text>
      <FormError message={forms.isError ? errorMessage(forms.error) : null} />
      <Group>
        <Checkbox label={t('consentsPage.blank')} checked={blank} onChange={(event) => { setBlank(event.currentTarget.checked); }} />
        <Button loading={forms.isPending} onClick={() => { forms.mutate({ groupName, blank }); }}>
          {t('consentsPage.formsPdf')}
        </Button>
      </Group>
      {forms.isPending && (
        <Text size="sm" c="dimmed" mt="xs" role="status">
          {t('consentsPage.formsBusy')}
        </Text>
      )}
    </Card>
  );
}

const PrivacyStatementForm = z.object({ privacyStatementVersion: contract['settings.update'].input.shape.privacyStatementVersion.unwrap() });

/** The version (date) of the privacy statement that new consents and the printed form refer to. */
function PrivacyStatementCard() {
  const { t } = useTranslation();
  const may = useCan();
  const notify = useNotify();
  const version = useQuery(apiQuery('consents.privacyStatement', {}));
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(PrivacyStatementForm),
    values: { privacyStatementVersion: version.data?.version ?? '' },
  });
  const save = useApiMutation('settings.update', {
    onSuccess: () => { notify({ title: t('common.saved'), message: t('consentsPage.versionSaved') }); },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['privacyStatementVersion'])); },
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="privacy-version-title" mt="lg">
      <Title order={2} size="h3" id="privacy-version-title" mb={4}>
        {t('consentsPage.versionTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('consentsPage.versionIntro')}
      </Text>
      {version.isError && <FormError message={errorMessage(version.error)} />}
      {may('settings.manage') ? (
        <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
          <Stack gap="sm" maw={420}>
            <FormError message={formError} />
            <Group align="flex-end">
              <TextInput label={t('consentsPage.version')} withAsterisk autoComplete="off" {...register('privacyStatementVersion')} error={formState.errors.privacyStatementVersion?.message} />
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text>{t('consentsPage.versionValue', { version: version.data?.version ?? '…' })}</Text>
      )}
    </Card>
  );
}
