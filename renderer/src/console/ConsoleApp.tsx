import { AppShell, Box, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { SessionInfo } from '../../../shared/console/api';
import { mayDo, type ConsoleCapability } from '../../../shared/console/roles';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { QueryState } from '../components/QueryState';
import { consoleApi, onSessionLost } from './api';
import { AuditPage } from './AuditPage';
import { BreachesPage } from './BreachesPage';
import { FiguresPage } from './FiguresPage';
import { LocationsPage } from './LocationsPage';
import { LoginPage } from './LoginPage';
import { OrganisationPage } from './OrganisationPage';
import { ProcessorsPage } from './ProcessorsPage';
import { StatementsPage } from './StatementsPage';
import { RegisterPage } from './RegisterPage';
import { RequestsPage } from './RequestsPage';
import { SESSION_KEY } from './session';

/** The console's pages, each behind the capability its API routes need. */
const PAGES: readonly { path: string; label: 'console.nav.locations' | 'console.nav.requests' | 'console.nav.breaches' | 'console.nav.processors' | 'console.nav.figures' | 'console.nav.register' | 'console.nav.organisation' | 'console.nav.statements' | 'console.nav.audit'; capability: ConsoleCapability; page: (props: { session: SessionInfo }) => React.ReactNode }[] = [
  { path: '/', label: 'console.nav.locations', capability: 'locations.read', page: LocationsPage },
  { path: '/verzoeken', label: 'console.nav.requests', capability: 'registers.read', page: RequestsPage },
  { path: '/datalekken', label: 'console.nav.breaches', capability: 'registers.read', page: BreachesPage },
  { path: '/verwerkers', label: 'console.nav.processors', capability: 'registers.read', page: ProcessorsPage },
  { path: '/verwerkingsregister', label: 'console.nav.register', capability: 'registers.read', page: RegisterPage },
  { path: '/cijfers', label: 'console.nav.figures', capability: 'registers.read', page: FiguresPage },
  { path: '/organisatie', label: 'console.nav.organisation', capability: 'registers.read', page: OrganisationPage },
  { path: '/privacyverklaring', label: 'console.nav.statements', capability: 'registers.read', page: StatementsPage },
  { path: '/audit', label: 'console.nav.audit', capability: 'audit.read', page: AuditPage },
];

/** Back to the login: the session is gone, and nothing read under it stays in memory. */
function signOut(queryClient: QueryClient) {
  queryClient.setQueryData(SESSION_KEY, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[1] !== SESSION_KEY[1] });
}

/** Login when there is no session; otherwise the frame with the pages the role may open. */
export function ConsoleApp() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: consoleApi.me, staleTime: Infinity });
  useEffect(() => {
    onSessionLost(() => signOut(queryClient));
  }, [queryClient]);
  useEffect(() => {
    document.title = t('console.documentTitle');
  }, [t]);
  return <QueryState query={session}>{(info) => (info ? <ConsoleFrame session={info} /> : <LoginPage />)}</QueryState>;
}

function ConsoleFrame({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: consoleApi.logout,
    onSettled: () => signOut(queryClient),
  });
  const pages = PAGES.filter((page) => mayDo(session.user.role, page.capability));
  const readOnly = session.user.role === 'fg';
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm' }} padding="xl">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg" truncate="end">
            {t('console.name')}
          </Text>
          <Group gap="md" wrap="nowrap" miw={0}>
            <Box ta="right" miw={0} maw={260} data-testid="console-user">
              <Text size="sm" fw={600} lh={1.3} truncate="end">
                {session.user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.3} truncate="end">
                {t(`console.roles.${session.user.role}`)}
                {readOnly && ` · ${t('console.shell.readOnly')}`}
              </Text>
            </Box>
            <LanguageSwitch />
            <Button variant="light" loading={logout.isPending} onClick={() => logout.mutate()} style={{ flexShrink: 0 }}>
              {t('console.shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('console.shell.navLabel')}>
        <Stack gap={2}>
          {pages.map((page) => {
            const active = page.path === '/' ? pathname === '/' : pathname.startsWith(page.path);
            return (
              <NavLink key={page.path} component={Link} to={page.path} label={t(page.label)} active={active} aria-current={active ? 'page' : undefined} fw={500} style={{ borderRadius: 'var(--mantine-radius-md)' }} />
            );
          })}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Routes>
          {pages.map(({ path, page: Page }) => (
            <Route key={path} path={path} element={<Page session={session} />} />
          ))}
          <Route path="*" element={<Navigate to={pages[0]?.path ?? '/'} replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
