import { z } from 'zod';
import { SearchResult } from './clients.schemas';
import type { MethodDef } from './contract';
import { method } from './method';

/** The one search box: children and parents by name, birth date or postcode. */
export const searchContract = {
  'search.query': method({
    input: z.object({ q: z.string().trim().max(100), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(SearchResult),
    permission: 'clients.read',
    shows: ['children', 'households'],
  }),
} satisfies Record<string, MethodDef>;
