import { Alert, Box, Collapse, Group, List, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import { call, isApiCallError } from '../../api/client';
import { queryClient } from '../../api/queries';
import { TextAreaField, TextField } from '../../components/fields';
import { ApiForm, SubmitButton } from '../../components/FormDialog';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useSession } from '../../lib/session';
import { SYNC_STATUS_KEY } from './syncStatus';

const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** "Deze computer koppelen" (`sync.enrol`): service address, one-time koppelcode, device name, optional pinned CA. */
export function EnrolForm() {
  const { t } = useTranslation();
  const session = useSession();
  const advancedId = useId();
  const form = useApiForm({
    schema: contract['sync.enrol'].input,
    defaultValues: { serverUrl: '', code: '', deviceName: t('sync.enrol.deviceNameDefault'), caCertPem: '' },
    mutation: useMutation({ mutationFn: (input: MethodInput<'sync.enrol'>) => call('sync.enrol', input) }),
    success: (status) => t('sync.enrol.done', { location: status.locationName ?? '' }),
    onSuccess: (status) => {
      queryClient.setQueryData(SYNC_STATUS_KEY, status);
      // The form gives way to the link's details: show them from the top.
      window.scrollTo({ top: 0 });
    },
    // "Niet bereikbaar" lands on the address field; the reason (refused, certificate …) goes above the form.
    onError: (error, message) => message ?? (isApiCallError(error) && error.code !== 'VALIDATION' ? error.message : null),
  });
  const { control, errors } = form;
  // Open the disclosure by itself when the CA field has an error, so the message is visible.
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const showAdvanced = advancedOpen || Boolean(errors.caCertPem);

  return (
    <Section title={t('sync.enrol.title')}>
      <Stack gap="lg">
        <Alert color="blue" variant="light" title={t('sync.enrol.howTitle')}>
          <List type="ordered" spacing={6} size="sm">
            <List.Item>{t('sync.enrol.how1')}</List.Item>
            <List.Item>{t('sync.enrol.how2', { location: session.locationName })}</List.Item>
            <List.Item>{t('sync.enrol.how3')}</List.Item>
          </List>
        </Alert>

        <ApiForm form={form} maw={640}>
          <TextField
            control={control}
            name="serverUrl"
            label={t('sync.enrol.serverUrl')}
            description={t('sync.enrol.serverUrlDescription')}
            placeholder="https://"
            required
            autoFocus
            type="url"
            inputMode="url"
            spellCheck={false}
          />
          <TextField control={control} name="code" label={t('sync.enrol.code')} description={t('sync.enrol.codeDescription')} required autoCapitalize="characters" spellCheck={false} styles={MONO} w={320} />
          <TextField control={control} name="deviceName" label={t('sync.enrol.deviceName')} description={t('sync.enrol.deviceNameDescription')} required w={320} />

          <Box>
            <UnstyledButton
              aria-expanded={showAdvanced}
              aria-controls={`${advancedId}-advanced`}
              onClick={() => { setAdvancedOpen((open) => !open); }}
              fw={600}
              c="blue.8"
              fz="sm"
            >
              <Text span inherit aria-hidden mr={6} style={{ display: 'inline-block', transform: showAdvanced ? 'rotate(90deg)' : undefined }}>
                ›
              </Text>
              {t('sync.enrol.advanced')}
            </UnstyledButton>
            <Collapse expanded={showAdvanced} keepMountedMode="display-none" id={`${advancedId}-advanced`}>
              <TextAreaField
                control={control}
                name="caCertPem"
                mt="sm"
                label={t('sync.enrol.caCert')}
                description={t('sync.enrol.caCertDescription')}
                placeholder="-----BEGIN CERTIFICATE-----"
                minRows={5}
                maxRows={14}
                spellCheck={false}
                styles={{ input: { ...MONO.input, fontSize: 'var(--mantine-font-size-xs)' } }}
              />
            </Collapse>
          </Box>

          <Group>
            <SubmitButton form={form}>{t('sync.enrol.submit')}</SubmitButton>
          </Group>
        </ApiForm>
      </Stack>
    </Section>
  );
}
