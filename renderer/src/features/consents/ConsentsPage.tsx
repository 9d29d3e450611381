import { Anchor, Button, Card, Checkbox, Group, List, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { contract } from '../../../../shared/api/contract';
import { PURPOSES, type PhotoPermission, type Purpose } from '../../../../shared/domain/consents';
import { errorMessage } from '../../api/forms';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { AllergyMarker } from '../../components/AllergyMarker';
import { TextField } from '../../components/fields';
import { ApiForm, SubmitButton } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFileDownload } from '../../lib/files';
import { useCan } from '../../lib/session';

/** A group of the Groepen list as the cards need it. */
interface GroupRef {
  id: string;
  name: string;
}

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
  // The Groepen list (issue 17); archived groups only while children are in them.
  const list = useQuery({ ...apiQuery('groups.list', {}), select: (groups) => groups.filter((g) => !g.archived || g.children > 0) });
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
      <QueryState query={list} isEmpty={(groups) => groups.length === 0} empty={{ title: t('consentsPage.noGroupsTitle'), text: t('consentsPage.noGroups') }}>
        {(groups) => {
          const chosen = groups.find((g) => g.id === params.get('groep')) ?? groups[0]!;
          return (
            <Stack gap="lg">
              <Group gap="lg">
                <NativeSelect
                  label={t('consentsPage.group')}
                  value={chosen.id}
                  onChange={(event) => { choose('groep', event.currentTarget.value); }}
                  data={groups.map((g) => ({ value: g.id, label: g.name }))}
                  miw={200}
                />
                <NativeSelect
                  label={t('consents.purpose')}
                  value={purpose}
                  onChange={(event) => { choose('doel', event.currentTarget.value); }}
                  data={PURPOSES.map((p) => ({ value: p, label: t(`consents.purposes.${p}`) }))}
                  miw={240}
                />
              </Group>
              <RosterCard group={chosen} purpose={purpose} />
              {may('consents.write') && <GroupFormsCard group={chosen} />}
            </Stack>
          );
        }}
      </QueryState>
      <PrivacyStatementCard />
    </>
  );
}

/** Fotolijst: three columns — herkenbaar, alleen niet herkenbaar, niet in beeld. */
function RosterCard({ group, purpose }: { group: GroupRef; purpose: Purpose }) {
  const { t } = useTranslation();
  const roster = useQuery(apiQuery('consents.roster', { groupId: group.id, purpose }));
  const pdf = useFileDownload('consents.rosterPdf');
  return (
    <Section
      title={t('consentsPage.rosterTitle', { group: group.name, purpose: t(`consents.purposes.${purpose}`) })}
      intro={t(`consents.explanations.${purpose}`)}
      actions={
        <Button variant="default" loading={pdf.isPending} onClick={() => { pdf.mutate({ groupId: group.id, purpose }); }}>
          {t('consentsPage.rosterPdf')}
        </Button>
      }
    >
      <FormError message={pdf.isError ? errorMessage(pdf.error) : null} />
      <QueryState query={roster} loaderHeight={80}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {COLUMNS.map((column) => (
              <Card key={column} withBorder padding="md" bg="gray.0" component="section" aria-labelledby={`roster-${column}`}>
                <Group justify="space-between" mb={4}>
                  <Title order={3} size="h5" id={`roster-${column}`}>
                    {t(`consentsPage.columns.${column}`)}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('consentsPage.childCount', { count: data[column].length })}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" mb="xs">
                  {t(`consentsPage.columnHelp.${column}`)}
                </Text>
                {data[column].length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('consentsPage.nobody')}
                  </Text>
                ) : (
                  <List size="sm" spacing={2}>
                    {data[column].map((child, index) => (
                      // The allergy marker (issue 17): only that allergies are recorded; the details are on the child's page.
                      <List.Item key={`${child.name}-${String(index)}`}>
                        {child.name} {child.hasAllergies && <AllergyMarker />}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </Section>
  );
}

/** Every child of the group in one PDF: pre-filled with the current answers, or blank for intake. */
function GroupFormsCard({ group }: { group: GroupRef }) {
  const { t } = useTranslation();
  const [blank, setBlank] = useState(false);
  const forms = useFileDownload('consents.formPdf');
  return (
    <Section title={t('consentsPage.formsTitle', { group: group.name })} intro={t('consentsPage.formsIntro')}>
      <FormError message={forms.isError ? errorMessage(forms.error) : null} />
      <Group>
        <Checkbox label={t('consentsPage.blank')} checked={blank} onChange={(event) => { setBlank(event.currentTarget.checked); }} />
        <Button loading={forms.isPending} onClick={() => { forms.mutate({ groupId: group.id, blank }); }}>
          {t('consentsPage.formsPdf')}
        </Button>
      </Group>
      {forms.isPending && (
        <Text size="sm" c="dimmed" mt="xs" role="status">
          {t('consentsPage.formsBusy')}
        </Text>
      )}
    </Section>
  );
}

const PrivacyStatementForm = z.object({ privacyStatementVersion: contract['settings.update'].input.shape.privacyStatementVersion.unwrap() });

/**
 * The version (date) of the privacy statement that new consents and the printed form refer to: the
 * one head office published that is in force, else the date the manager sets here.
 */
function PrivacyStatementCard() {
  const { t } = useTranslation();
  const may = useCan();
  const version = useQuery(apiQuery('consents.privacyStatement', {}));
  const form = useApiForm({
    schema: PrivacyStatementForm,
    values: { privacyStatementVersion: version.data?.version ?? '' },
    mutation: useApiMutation('settings.update'),
    success: () => t('consentsPage.versionSaved'),
  });
  return (
    <Stack mt="lg">
      <Section title={t('consentsPage.versionTitle')} intro={t('consentsPage.versionIntro')}>
        {version.isError && <FormError message={errorMessage(version.error)} />}
        {version.data?.published ? (
          <Stack gap="xs" align="flex-start">
            <Text>{t('consentsPage.versionValue', { version: version.data.version })}</Text>
            <Text size="sm" c="dimmed">
              {t('consentsPage.versionPublished')}
            </Text>
            <Anchor component={Link} to="/privacyverklaring" size="sm">
              {t('consentsPage.versionLink')}
            </Anchor>
          </Stack>
        ) : may('settings.manage') ? (
          <ApiForm form={form} gap="sm" maw={420}>
            <Group align="flex-end">
              <TextField control={form.control} name="privacyStatementVersion" label={t('consentsPage.version')} required />
              <SubmitButton form={form}>{t('common.save')}</SubmitButton>
            </Group>
          </ApiForm>
        ) : (
          <Text>{t('consentsPage.versionValue', { version: version.data?.version ?? '…' })}</Text>
        )}
      </Section>
    </Stack>
  );
}
