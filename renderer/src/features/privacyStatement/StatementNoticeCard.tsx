import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiQuery } from '../../api/queries';
import { useFormat } from '../../lib/format';
import { MarkInformedDialog } from './MarkInformedDialog';

/**
 * Overzicht: head office published a new privacy statement version, so the parents must be told
 * (art. 12-13 AVG). One task per location, shown only until the manager records the day it was done;
 * on Overzicht with a link to the Privacyverklaring page, on that page without.
 */
export function StatementNoticeCard({ withLink = true }: { withLink?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const overview = useQuery(apiQuery('privacyStatement.list', {}));
  const [marking, setMarking] = useState(false);
  const notice = overview.data?.notice;
  if (!notice) return null;
  return (
    <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="statement-notice-title" bg="var(--mantine-color-blue-0)" data-testid="statement-notice">
      <Title order={2} size="h4" id="statement-notice-title" mb={4}>
        {t('privacyStatement.noticeTitle')}
      </Title>
      <Text size="sm" mb="md">
        {t('privacyStatement.noticeText', { version: notice.version, date: fmt.dateLong(notice.effectiveDate) })}
      </Text>
      <Group gap="sm">
        <Button onClick={() => { setMarking(true); }}>{t('privacyStatement.markInformed')}</Button>
        {withLink && (
          <Button component={Link} to="/privacyverklaring" variant="default">
            {t('privacyStatement.view')}
          </Button>
        )}
      </Group>
      {marking && <MarkInformedDialog notice={notice} onClose={() => { setMarking(false); }} />}
    </Card>
  );
}
