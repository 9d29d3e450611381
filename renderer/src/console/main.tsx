import '@mantine/core/styles.css';
import '../i18n';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { NotificationsProvider } from '../components/Notifications';
import { cssVariablesResolver, theme } from '../theme';
import { ConsoleApp } from './ConsoleApp';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in console.html');

// The console's reads are cheap and its data change elsewhere (PCs sync): refetch on focus, no retries on 4xx.
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 10_000 } } });

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <NotificationsProvider>
          <HashRouter>
            <ConsoleApp />
          </HashRouter>
        </NotificationsProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
