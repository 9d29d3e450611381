import '@mantine/core/styles.css';
import './i18n';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { NotificationsProvider } from './components/Notifications';
import { cssVariablesResolver, theme } from './theme';

/**
 * The provider tree every page of ours runs in — the location app and the head-office console:
 * the UI kit with our theme, the query cache, notifications and the router. HashRouter: the
 * Electron window loads app://bundle/index.html, and /console/ is one file too; neither has
 * server-side routing.
 */
export function mount(page: string, queryClient: QueryClient, app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error(`#root missing in ${page}`);
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <NotificationsProvider>
            <HashRouter>{app}</HashRouter>
          </NotificationsProvider>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
