import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestSummary } from '../../../../shared/api/requests.schemas';
import { apiQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { Section, TitleCount } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { useSubjectLabel } from './common';
import { MeldcodeDecisionDialog } from './RequestDialogs';

/**
 * The aandachtsfunctionaris' tasks on the overzicht: access and erasure requests whose answer waits
 * for their decision whether information from a meldcode file may be included.
 */
export function MeldcodeDecisionsCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const subjectLabel = useSubjectLabel();
  const awaited = useQuery(apiQuery('requests.meldcodeDecisionsAwaited', {}));
  const [deciding, setDeciding] = useState<string | null>(null);
  const describe = (r: RequestSummary) => t('requests.dueItem', { kind: t(`requests.kinds.${r.kind}`), name: subjectLabel(r), date: fmt.date(r.deadline) });
  const chosen = awaited.data?.find((r) => r.id === deciding);
  return (
    <Stack mb="lg">
      <Section
        id="meldcode-decisions"
        title={
          <>
            {t('requests.awaitedTitle')}
            <TitleCount count={awaited.data?.length ?? 0} />
          </>
        }
      >
        <QueryState query={awaited} loaderHeight={60} isEmpty={(list) => list.length === 0} empty={t('requests.awaitedNone')}>
          {(list) => (
            <Stack gap="sm">
              <Text size="sm">{t('requests.awaitedIntro')}</Text>
              <List spacing={6} listStyleType="none" ml={0}>
                {list.map((r) => (
                  <List.Item key={r.id}>
                    <Group gap="sm" wrap="nowrap">
                      <Text size="sm">{describe(r)}</Text>
                      <Button size="xs" variant="light" onClick={() => setDeciding(r.id)} aria-label={t('requests.awaitedDecideFor', { name: subjectLabel(r) })}>
                        {t('requests.awaitedDecide')}
                      </Button>
                    </Group>
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </QueryState>
      </Section>
      {deciding && <MeldcodeDecisionDialog requestId={deciding} {...(chosen ? { about: describe(chosen) } : {})} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}
