import { Group, Select, SimpleGrid, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures } from '../../../shared/console/figures';
import { QueryState } from '../components/QueryState';
import { PageHeader } from '../components/PageHeader';
import i18n from '../i18n';
import { consoleApi } from './api';
import { BarChart } from './BarChart';

const ALL = 'all';
/** How many years back the year selector goes. */
const YEARS = 6;

/** `destroyed.household` → the catalogue key `console.figures.metrics.destroyed_household`; an unknown metric shows as it is. */
const metricLabel = (metric: string) => {
  const key = `console.figures.metrics.${metric.replace(/\./g, '_')}`;
  return i18n.exists(key) ? i18n.t(key as 'console.figures.metrics.destroyed_household') : metric;
};
const recipientLabel = (recipient: string) => {
  for (const key of [`disclosures.recipients.${recipient}`, `recordDisclosure.kinds.${recipient}`]) if (i18n.exists(key)) return i18n.t(key as 'disclosures.recipients.ggd');
  return recipient;
};

/** Anonymised figures (Cijfers): counts only, per location or for the whole organisation, one chart per figure. */
export function FiguresPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const [location, setLocation] = useState<string>(ALL);
  const figures = useQuery({ queryKey: ['console', 'figures', year], queryFn: () => consoleApi.figures(year), refetchOnWindowFocus: false, placeholderData: keepPreviousData });
  const percent = (value: number | null) => (value === null ? t('console.figures.tooFew') : `${value.toLocaleString('nl-NL')} %`);
  return (
    <>
      <PageHeader title={t('console.figures.title')} intro={t('console.figures.intro')} />
      <QueryState query={figures}>
        {(data) => {
          const chosen = data.locations.find((l) => l.id === location);
          const shown: Figures = chosen?.figures ?? data.organisation;
          const years = Array.from({ length: YEARS }, (_, i) => String(data.currentYear - i));
          return (
            <>
              <Group mb="lg" align="flex-end">
                <Select
                  label={t('console.figures.location')}
                  data={[{ value: ALL, label: t('console.figures.allLocations') }, ...data.locations.map((l) => ({ value: l.id, label: l.name }))]}
                  value={chosen ? location : ALL}
                  onChange={(value) => setLocation(value ?? ALL)}
                  allowDeselect={false}
                  w={280}
                />
                <Select label={t('console.figures.year')} data={years} value={String(data.year)} onChange={(value) => setYear(value ? Number(value) : null)} allowDeselect={false} w={140} />
              </Group>
              {data.locations.length === 0 ? (
                <Text c="dimmed">{t('console.figures.noLocations')}</Text>
              ) : (
                <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
                  <BarChart
                    title={t('console.figures.requests')}
                    empty={t('console.figures.emptyYear')}
                    bars={shown.requests.map((r) => ({ label: t(`requests.kinds.${r.kind}`), value: r.received }))}
                  />
                  <BarChart
                    title={shown.onTimeShare === null ? t('console.figures.onTimeNone') : t('console.figures.onTime', { share: percent(shown.onTimeShare) })}
                    empty={t('console.figures.emptyYear')}
                    footnote={t('console.figures.onTimeNote')}
                    bars={(['onTime', 'late', 'pending'] as const).map((k) => ({ label: t(`console.figures.deadline.${k}`), value: shown.requests.reduce((n, r) => n + r[k], 0) }))}
                  />
                  <BarChart
                    title={t('console.figures.breaches')}
                    empty={t('console.figures.emptyYear')}
                    bars={[
                      { label: t('console.figures.breachesTotal'), value: shown.breaches.total },
                      { label: t('console.figures.breachesReported'), value: shown.breaches.reportedToAp },
                    ]}
                  />
                  <BarChart title={t('console.figures.disclosures')} empty={t('console.figures.emptyYear')} bars={shown.disclosures.map((d) => ({ label: recipientLabel(d.recipient), value: d.count }))} />
                  <BarChart
                    title={t('console.figures.destructions')}
                    empty={t('console.figures.emptyDestructions')}
                    footnote={t('console.figures.destructionsNote')}
                    bars={shown.destructions.map((d) => ({ label: metricLabel(d.metric), value: d.count }))}
                  />
                  <BarChart
                    title={t('console.figures.consents')}
                    empty={t('console.figures.emptyConsents')}
                    footnote={t('console.figures.consentsNote')}
                    max={100}
                    bars={shown.consents.map((c) => ({
                      label: t(`consents.purposes.${c.purpose}`),
                      value: c.rate ?? 0,
                      display: c.rate === null ? t('console.figures.tooFew') : t('console.figures.rate', { rate: percent(c.rate), given: c.given, children: c.children }),
                    }))}
                  />
                </SimpleGrid>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
