import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { meldcodeQuery } from './api';
import { CasesTable } from './CasesTable';
import { OpenCaseDialog } from './OpenCaseDialog';

/**
 * The Meldcode tab of a child's page, rendered only with meldcode.access. The cases are read (and
 * audit-logged) only when the tab is opened; the child's own payload never mentions them.
 */
export function ChildMeldcodeSection({ childId, childName }: { childId: string; childName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cases = useQuery(meldcodeQuery('meldcode.forChild', { childId }));
  const [opening, setOpening] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          {t('meldcode.childIntro')}
        </Text>
        <Button onClick={() => { setOpening(true); }}>{t('meldcode.newCase')}</Button>
      </Group>
      <CasesTable query={cases} empty={t('meldcode.childEmpty')} showSubject={false} />
      {opening && <OpenCaseDialog child={{ id: childId, name: childName }} onClose={() => { setOpening(false); }} onOpened={(id) => void navigate(`/meldcode/${id}`)} />}
    </Stack>
  );
}
