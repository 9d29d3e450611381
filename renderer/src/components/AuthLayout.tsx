import { Box, Container, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** Page frame for the screens before the app opens: setup, login, recovery, password change. */
/** `appName` names the app in the header: the location app unless another app (the head-office console) says otherwise. */
export function AuthLayout({ children, width = 480, appName }: { children: ReactNode; width?: number; appName?: string }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="lg" py="sm" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between">
          <Text fw={600}>{appName ?? t('app.name')}</Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" size={width} py={48}>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}

/** The h1 and intro of a screen in the AuthLayout. */
export function AuthHeading({ title, intro, dimmed = false }: { title: string; intro?: ReactNode; dimmed?: boolean }) {
  return (
    <div>
      <Title order={1} size="h2" mb={dimmed ? undefined : 'xs'}>
        {title}
      </Title>
      {intro && <Text c={dimmed ? 'dimmed' : undefined}>{intro}</Text>}
    </div>
  );
}
