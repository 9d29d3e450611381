import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CentralRequest } from '../../../../shared/api/requests.schemas';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useFormat } from '../../lib/format';
import { DeadlineBadge } from './common';
import { RegisterRequestDialog } from './RegisterRequestDialog';

/**
 * AVG-verzoeken: the requests the privacy officer received via privacy@ for this location (issue 18
 * part 3). Each waits here until the manager registers it at the person it concerns, or records
 * that the person is not known at this location. Shown only while there are any.
 */
export function CentralRequestsCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const central = useQuery(apiQuery('requests.central', {}));
  const decline = useApiMutation('requests.declineCentral');
  const [registering, setRegistering] = useState<CentralRequest | null>(null);
  const [declining, setDeclining] = useState<CentralRequest | null>(null);
  if (!central.data?.length) return null;
  return (
    <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="central-requests-title" bg="var(--mantine-color-yellow-0)">
      <Title order={2} size="h4" id="central-requests-title" mb={4}>
        {t('requests.central.title', { count: central.data.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('requests.central.intro')}
      </Text>
      <Stack gap="md">
        {central.data.map((r) => (
          <Card key={r.id} withBorder padding="md" data-testid="central-request">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={700}>{t(`requests.kinds.${r.kind}`)}</Text>
                  <DeadlineBadge request={{ ...r, status: 'open' }} />
                </Group>
                <Text size="sm">{t('requests.central.requester', { name: r.requesterName, contact: r.requesterContact ?? '—' })}</Text>
                <Text size="sm">{t('requests.central.dates', { received: fmt.date(r.receivedOn), deadline: fmt.date(r.deadline), officer: r.registeredByName })}</Text>
                {r.description && (
                  <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                    “{r.description}”
                  </Text>
                )}
              </Stack>
              <Stack gap="xs" style={{ flexShrink: 0 }}>
                <Button size="sm" onClick={() => { setRegistering(r); }}>{t('requests.central.register')}</Button>
                <Button size="sm" variant="default" onClick={() => { setDeclining(r); }}>{t('requests.central.decline')}</Button>
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
      {registering && <RegisterRequestDialog central={registering} onClose={() => { setRegistering(null); }} onSaved={(request) => { void navigate(`/verzoeken/${request.id}`); }} />}
      {declining && (
        <ConfirmDialog
          title={t('requests.central.declineTitle')}
          confirmLabel={t('requests.central.declineConfirm')}
          mutation={decline}
          onClose={() => { setDeclining(null); }}
          onConfirm={() => { decline.mutate({ id: declining.id }, { onSuccess: () => { setDeclining(null); } }); }}
        >
          <Text size="sm">{t('requests.central.declineText', { kind: t(`requests.kinds.${declining.kind}`), name: declining.requesterName })}</Text>
        </ConfirmDialog>
      )}
    </Card>
  );
}
