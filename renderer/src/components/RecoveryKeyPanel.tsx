import { Alert, Box, Button, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, saveFile } from '../api/client';
import { errorMessage } from '../api/forms';
import { FormError } from './FormError';

/**
 * The herstelsleutel shown once: how to keep it, a PDF to print (`setup.recoveryKeyPdf`), and an
 * explicit confirmation (`setup.recoveryKeySaved`) before `onDone`. Used right after setup and
 * after "Nieuwe herstelsleutel maken" on Beveiliging. There is deliberately no copy button: the
 * key must not end up on this computer.
 */
export function RecoveryKeyPanel({
  recoveryKey,
  onDone,
  doneLabel,
  notice,
  headingOrder = 2,
}: {
  recoveryKey: string;
  onDone: () => void;
  /** The final button; "Verder" by default. */
  doneLabel?: string;
  /** Shown above the key, e.g. that the previous key stopped working. */
  notice?: string;
  /** Level of the panel's own headings, one below the surrounding page or dialog title. */
  headingOrder?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const keyLabelId = useId();
  const [confirmed, setConfirmed] = useState(false);
  const [pdfResult, setPdfResult] = useState<'saved' | 'cancelled' | null>(null);

  const pdf = useMutation({
    mutationFn: async () => {
      const file = await call('setup.recoveryKeyPdf', {});
      return saveFile(file.fileName, file.base64);
    },
    onSuccess: (saved) => { setPdfResult(saved ? 'saved' : 'cancelled'); },
  });
  const done = useMutation({ mutationFn: () => call('setup.recoveryKeySaved', {}), onSuccess: onDone });

  const groups = recoveryKey.split('-');

  return (
    <Stack gap="lg">
      {notice && (
        <Alert color="blue" variant="light">
          {notice}
        </Alert>
      )}
      <Alert color="red" variant="light" title={t('recoveryKey.onlyOnce')}>
        {t('recoveryKey.onlyOnceText')}
      </Alert>

      <Box>
        <Text id={keyLabelId} fw={600} mb={6}>
          {t('recoveryKey.keyLabel')}
        </Text>
        <Box
          role="group"
          aria-labelledby={keyLabelId}
          p="lg"
          bd="2px solid var(--mantine-color-blue-8)"
          bg="blue.0"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        >
          <Text
            ff="monospace"
            fz={30}
            fw={700}
            ta="center"
            lh={1.6}
            data-testid="recovery-key"
            // Two even rows of four groups when the key does not fit on one line.
            style={{ letterSpacing: '0.08em', textWrap: 'balance' }}
          >
            {groups.map((group, index) => (
              <Fragment key={index}>
                {index > 0 && ' '}
                <span style={{ display: 'inline-block', margin: '0 0.3em' }}>{group}</span>
              </Fragment>
            ))}
          </Text>
        </Box>
      </Box>

      <div>
        <Title order={headingOrder} size="h4" mb={4}>
          {t('recoveryKey.whatTitle')}
        </Title>
        <Text>{t('recoveryKey.whatText')}</Text>
      </div>
      <div>
        <Title order={headingOrder} size="h4" mb={4}>
          {t('recoveryKey.keepTitle')}
        </Title>
        <List spacing={4}>
          <List.Item>{t('recoveryKey.keep1')}</List.Item>
          <List.Item>{t('recoveryKey.keep2')}</List.Item>
          <List.Item>{t('recoveryKey.keep3')}</List.Item>
        </List>
      </div>

      <Group>
        <Button variant="outline" onClick={() => { pdf.mutate(); }} loading={pdf.isPending}>
          {t('recoveryKey.savePdf')}
        </Button>
        <Text size="sm" role="status">
          {pdfResult === 'saved' ? t('recoveryKey.pdfSaved') : pdfResult === 'cancelled' ? t('recoveryKey.pdfCancelled') : ''}
        </Text>
      </Group>
      <FormError message={pdf.isError ? errorMessage(pdf.error) : done.isError ? errorMessage(done.error) : null} />

      <Checkbox
        size="md"
        label={t('recoveryKey.confirm')}
        checked={confirmed}
        onChange={(event) => { setConfirmed(event.currentTarget.checked); }}
      />
      <Group justify="flex-end">
        <Button size="md" disabled={!confirmed} loading={done.isPending} onClick={() => { done.mutate(); }}>
          {doneLabel ?? t('recoveryKey.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
