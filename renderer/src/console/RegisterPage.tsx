import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/forms';
import { saveFile } from '../api/client';
import { FormError } from '../components/FormError';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { RegisterRows } from '../features/register/RegisterPage';
import { useFormat } from '../lib/format';
import { consoleApi } from './api';

/**
 * Verwerkingsregister (AVG art. 30) of the organisation: the processings of the data map with the
 * processors of the verwerkersregister as recipients and their transfers outside the EEA, as the
 * service draws it up today; the same register as a PDF (to download or print).
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const register = useQuery({ queryKey: ['console', 'register'], queryFn: consoleApi.register });
  const pdf = useMutation({ mutationFn: async () => { const file = await consoleApi.registerPdf(); await saveFile(file.fileName, file.base64); } });
  return (
    <>
      <PageHeader
        title={t('console.register.title')}
        intro={t('console.register.intro')}
        actions={
          <Group gap="xs">
            <Button loading={pdf.isPending} onClick={() => { pdf.mutate(); }}>
              {t('console.register.pdf')}
            </Button>
            <Button variant="default" onClick={() => { window.print(); }}>
              {t('console.register.print')}
            </Button>
          </Group>
        }
      />
      <FormError message={pdf.isError ? errorMessage(pdf.error) : null} />
      <QueryState query={register} loaderHeight={200}>
        {(data) => (
          <Stack gap="lg">
            <Text size="sm" c="dimmed">
              {t('console.register.meta', { controller: data.controller.name, date: fmt.date(data.drawnUpOn), count: data.rows.length })}
            </Text>
            {data.controller.address && <Text size="sm">{t('console.register.address', { address: data.controller.address })}</Text>}
            <Text size="sm">{data.controller.locations.length === 0 ? t('console.register.noLocations') : t('console.register.locations', { locations: data.controller.locations.join(', ') })}</Text>
            <RegisterRows rows={data.rows} commonSecurity={data.commonSecurity} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
