import { AppShell, Box, Button, Group, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { can } from '../../../shared/auth/permissions';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSession } from '../lib/session';
import { useLock } from '../features/auth/useLock';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { HeaderSearch } from '../features/search/HeaderSearch';
import { RetentionNotice } from '../features/retention/RetentionNotice';
import { NAV_ITEMS, PAGE_ROUTES } from './navigation';

/** The unlocked app: header, left navigation (filtered by permission) and the pages. */
export function AppFrame() {
  const { t } = useTranslation();
  const session = useSession();
  const lock = useLock();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((item) => can(session.roles, item.permission));
  const pages = PAGE_ROUTES.filter((route) => can(session.roles, route.permission));
  const roleNames = session.roles.map((role) => t(`roles.${role}`)).join(' · ');

  useEffect(() => {
    document.title = t('app.documentTitle', { location: session.locationName });
  }, [t, session.locationName]);

  // A new page starts at the top (the browser keeps the scroll position of the previous one).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm' }} padding="xl">
      <AppShell.Header>
        {/* One line per text at 1280 px and up: long names are cut with "…" and shown whole in a tooltip. */}
        <Group h="100%" px="lg" gap="md" justify="space-between" wrap="nowrap" preventGrowOverflow={false}>
          <Stack gap={0} miw={0} style={{ flex: '1 1 0' }} data-testid="header-location">
            <Text size="xs" c="dimmed" truncate="end">
              {t('app.name')}
            </Text>
            <Tooltip label={session.locationName} openDelay={300} withArrow>
              <Text fw={700} size="lg" lh={1.2} truncate="end" tabIndex={0}>
                {session.locationName}
              </Text>
            </Tooltip>
          </Stack>
          {can(session.roles, 'clients.read') && <HeaderSearch />}
          <Group gap="md" wrap="nowrap" miw={0} style={{ flex: '0 1 auto' }}>
            <SyncIndicator />
            <Tooltip label={`${session.name} — ${roleNames}`} openDelay={300} withArrow multiline maw={320}>
              <Box ta="right" miw={0} maw={200} tabIndex={0} data-testid="header-user">
                <Text size="sm" fw={600} lh={1.3} truncate="end">
                  {session.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.3} truncate="end">
                  {roleNames}
                </Text>
              </Box>
            </Tooltip>
            <LanguageSwitch />
            <Button variant="light" style={{ flexShrink: 0 }} onClick={() => void lock('user', session.username)}>
              {t('header.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {/* Scrolls on a low screen (1280×720) so every item stays reachable. */}
        <AppShell.Section grow component={ScrollArea} type="auto" offsetScrollbars>
          {items.map((item) => {
            const active = item.path === '/' ? pathname === '/' : [item.path, ...(item.alsoActiveFor ?? [])].some((prefix) => pathname.startsWith(prefix));
            return (
              <NavLink
                key={item.path}
                component={Link}
                to={item.path}
                label={t(item.label)}
                active={active}
                aria-current={active ? 'page' : undefined}
                fw={500}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        {can(session.roles, 'retention.manage') && <RetentionNotice />}
        <Routes>
          {items.map(({ path, page: Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          {pages.map(({ path, page: Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
