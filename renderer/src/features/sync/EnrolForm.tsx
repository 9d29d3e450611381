import { Alert, Box, Button, Card, Code, Collapse, Group, List, Stack, Text, Textarea, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import { call, isApiCallError } from '../../api/client';
import { applyServerErrors, formResolver } from '../../api/forms';
import { queryClient } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { SYNC_STATUS_KEY } from './syncStatus';

const ENROL_FIELDS = ['serverUrl', 'code', 'deviceName', 'caCertPem'] as const;
const ISSUE_CODE_COMMAND = 'npm run headoffice:cli -- issue-code --location ID';

/** "Deze computer koppelen" (`sync.enrol`): service address, one-time koppelcode, device name, optional pinned CA. */
export function EnrolForm() {
  const { t } = useTranslation();
  const notify = useNotify();
  const advancedId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(contract['sync.enrol'].input),
    defaultValues: { serverUrl: '', code: '', deviceName: t('sync.enrol.deviceNameDefault'), caCertPem: '' },
  });
  const { errors } = formState;
  // Open the disclosure by itself when the CA field has an error, so the message is visible.
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const showAdvanced = advancedOpen || Boolean(errors.caCertPem);

  const enrol = useMutation({
    mutationFn: (input: MethodInput<'sync.enrol'>) => call('sync.enrol', input),
    onSuccess: (status) => {
      queryClient.setQueryData(SYNC_STATUS_KEY, status);
      // The form gives way to the link's details: show them from the top.
      window.scrollTo({ top: 0 });
      notify({ message: t('sync.enrol.done', { location: status.locationName ?? '' }) });
    },
    onError: (error) => {
      const unplaced = applyServerErrors(error, setError, ENROL_FIELDS);
      // "Niet bereikbaar" lands on the address field; the reason (refused, certificate …) goes above the form.
      setFormError(unplaced ?? (isApiCallError(error) && error.code !== 'VALIDATION' ? error.message : null));
    },
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={`${advancedId}-title`}>
      <Title order={2} size="h3" mb="md" id={`${advancedId}-title`}>
        {t('sync.enrol.title')}
      </Title>
      <Stack gap="lg">
        <Alert color="blue" variant="light" title={t('sync.enrol.howTitle')}>
          <List type="ordered" spacing={6} size="sm">
            <List.Item>{t('sync.enrol.how1')}</List.Item>
            <List.Item>
              {t('sync.enrol.how2')}
              <Code block mt={6} fz="sm">
                {ISSUE_CODE_COMMAND}
              </Code>
            </List.Item>
            <List.Item>{t('sync.enrol.how3')}</List.Item>
          </List>
        </Alert>

        <form
          noValidate
          onSubmit={(event) => void handleSubmit((input) => {
            setFormError(null);
            enrol.mutate(input);
          })(event)}
        >
          <Stack gap="md" maw={640}>
            <FormError message={formError} />
            <TextInput
              label={t('sync.enrol.serverUrl')}
              description={t('sync.enrol.serverUrlDescription')}
              placeholder="https://"
              withAsterisk
              data-autofocus
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              {...register('serverUrl')}
              error={errors.serverUrl?.message}
            />
            <TextInput
              label={t('sync.enrol.code')}
              description={t('sync.enrol.codeDescription')}
              withAsterisk
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              w={320}
              {...register('code')}
              error={errors.code?.message}
            />
            <TextInput
              label={t('sync.enrol.deviceName')}
              description={t('sync.enrol.deviceNameDescription')}
              withAsterisk
              autoComplete="off"
              w={320}
              {...register('deviceName')}
              error={errors.deviceName?.message}
            />

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
                <Textarea
                  mt="sm"
                  label={t('sync.enrol.caCert')}
                  description={t('sync.enrol.caCertDescription')}
                  placeholder="-----BEGIN CERTIFICATE-----"
                  autosize
                  minRows={5}
                  maxRows={14}
                  spellCheck={false}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
                  {...register('caCertPem')}
                  error={errors.caCertPem?.message}
                />
              </Collapse>
            </Box>

            <Group>
              <Button type="submit" loading={enrol.isPending}>
                {t('sync.enrol.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
