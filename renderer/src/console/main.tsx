import { QueryClient } from '@tanstack/react-query';
import { mount } from '../mount';
import { ConsoleApp } from './ConsoleApp';

// The console's reads are cheap and its data change elsewhere (PCs sync): refetch on focus, no retries on 4xx.
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 10_000 } } });

mount('console.html', queryClient, <ConsoleApp />);
