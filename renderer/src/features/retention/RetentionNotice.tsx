import { Alert, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiQuery, queryClient } from '../../api/queries';
import { useFormat } from '../../lib/format';
import { useApiMutation } from '../../api/mutations';
import { ReportButton } from './DestructionPage';

/** After the automatic run at start-up: what it destroyed, with the report, until the manager dismisses it. */
export function RetentionNotice() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notice = useQuery(apiQuery('retention.notice', {}));
  const dismiss = useApiMutation('retention.dismissNotice', { onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['retention.notice'] }) });
  if (!notice.data) return null;
  const { runId, itemCount, at } = notice.data;
  return (
    <Alert color="blue" variant="light" title={t('retention.noticeTitle')} mb="lg" role="status">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {t('retention.notice', { count: itemCount })} ({fmt.dateTime(at)})
        </Text>
        <Group gap="xs">
          <ReportButton runId={runId} variant="light" />
          <Button size="xs" variant="default" loading={dismiss.isPending} onClick={() => { dismiss.mutate({ runId }); }}>
            {t('retention.noticeDismiss')}
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
