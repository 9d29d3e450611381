import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementOverview, StatementVersion } from '../../../../shared/api/privacyStatement.contract';
import { appToday } from '../../../../shared/domain/clock';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';
import { StatementNoticeCard } from './StatementNoticeCard';

/** The statement's text as published: paragraphs split on blank lines, single line breaks kept. */
function StatementText({ text }: { text: string }) {
  return (
    <Stack gap="sm" maw={760}>
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph, index) => (
          <Text key={index} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {paragraph.trim()}
          </Text>
        ))}
    </Stack>
  );
}

type Status = 'current' | 'upcoming' | 'previous';
const STATUS_COLOR: Record<Status, string> = { current: 'green', upcoming: 'blue', previous: 'gray' };
const STATUS_LABEL = { current: 'privacyStatement.statusCurrent', upcoming: 'privacyStatement.statusUpcoming', previous: 'privacyStatement.statusPrevious' } as const;
const statusOf = (overview: StatementOverview, version: StatementVersion, today: string): Status =>
  version.id === overview.inForceId ? 'current' : version.effectiveDate > today ? 'upcoming' : 'previous';

/**
 * Privacyverklaring (issue 18 part 8): the version in force with its text, and every version head
 * office published (upcoming, in force, superseded) with when the parents were informed about it.
 */
export function PrivacyStatementPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const may = useCan();
  const overview = useQuery(apiQuery('privacyStatement.list', {}));
  const [reading, setReading] = useState<StatementVersion | null>(null);
  return (
    <>
      <PageHeader title={t('privacyStatement.title')} intro={t('privacyStatement.intro')} />
      {may('consents.write') && <StatementNoticeCard withLink={false} />}
      <QueryState query={overview} isEmpty={(o) => o.versions.length === 0} empty={{ title: t('privacyStatement.noneTitle'), text: t('privacyStatement.none') }}>
        {(o) => {
          const inForce = o.versions.find((v) => v.id === o.inForceId);
          const today = appToday();
          const informedOn = (id: string) => o.informed.find((n) => n.id === id)?.informedOn ?? null;
          return (
            <Stack gap="lg">
              <Section title={inForce ? t('privacyStatement.inForceTitle', { version: inForce.version }) : t('privacyStatement.title')}>
                {inForce ? (
                  <Stack gap="md">
                    <Text size="sm" c="dimmed">
                      {t('privacyStatement.inForceMeta', { date: fmt.dateLong(inForce.effectiveDate), published: fmt.date(inForce.publishedAt) })}
                    </Text>
                    <StatementText text={inForce.text} />
                  </Stack>
                ) : (
                  <Text>{t('privacyStatement.noneInForce', { date: fmt.dateLong(o.versions[o.versions.length - 1]!.effectiveDate) })}</Text>
                )}
              </Section>
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('privacyStatement.historyTitle')}
                </Title>
                <DataTable
                  card
                  rows={o.versions}
                  caption={t('privacyStatement.historyTitle')}
                  rowKey={(v) => v.id}
                  columns={[
                    { key: 'version', header: t('privacyStatement.version'), cell: (v) => v.version, rowHeader: true, strong: true },
                    { key: 'effective', header: t('privacyStatement.effectiveDate'), cell: (v) => fmt.date(v.effectiveDate), whiteSpace: 'nowrap' },
                    {
                      key: 'status',
                      header: t('privacyStatement.status'),
                      cell: (v) => {
                        const status = statusOf(o, v, today);
                        return (
                          <Badge variant="light" color={STATUS_COLOR[status]}>
                            {t(STATUS_LABEL[status])}
                          </Badge>
                        );
                      },
                    },
                    { key: 'informed', header: t('privacyStatement.informedOn'), cell: (v) => {
                        const day = informedOn(v.id);
                        return day ? fmt.date(day) : t('privacyStatement.notInformed');
                      },
                    },
                    {
                      key: 'read',
                      header: t('privacyStatement.read'),
                      hiddenHeader: true,
                      align: 'right',
                      cell: (v) => (
                        <Button size="xs" variant="light" onClick={() => { setReading(v); }} aria-label={`${t('privacyStatement.read')}: ${t('privacyStatement.version')} ${v.version}`}>
                          {t('privacyStatement.read')}
                        </Button>
                      ),
                    },
                  ]}
                />
              </Stack>
            </Stack>
          );
        }}
      </QueryState>
      {reading && (
        <AppModal title={t('privacyStatement.readTitle', { version: reading.version })} onClose={() => { setReading(null); }} size="xl">
          <Group mb="sm">
            <Text size="sm" c="dimmed">
              {t('privacyStatement.inForceMeta', { date: fmt.dateLong(reading.effectiveDate), published: fmt.date(reading.publishedAt) })}
            </Text>
          </Group>
          <StatementText text={reading.text} />
        </AppModal>
      )}
    </>
  );
}
