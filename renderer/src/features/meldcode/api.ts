import { useMutation } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/api/contract';
import type { MeldcodeCase } from '../../../../shared/api/meldcode.schemas';
import { call, type ApiCallError } from '../../api/client';
import { apiKey, apiQuery, queryClient } from '../../api/queries';

type MeldcodeRead = 'meldcode.list' | 'meldcode.forChild' | 'meldcode.get' | 'meldcode.children';

/**
 * Every meldcode read writes an audit row, so a screen reads once when it opens (and after a
 * change), not again on every window focus.
 */
export const meldcodeQuery = <M extends MeldcodeRead>(method: M, input: MethodInput<M>) => ({ ...apiQuery(method, input), refetchOnWindowFocus: false, staleTime: Infinity });

const LISTS: ReadonlySet<string> = new Set<MethodName>(['meldcode.list', 'meldcode.forChild']);

/** Open, add an entry, close: the answer is the whole case, which goes straight into the cache. */
export function useCaseMutation<M extends 'meldcode.open' | 'meldcode.addEntry' | 'meldcode.close'>(
  method: M,
  options: { onSuccess?: (value: MeldcodeCase) => void; onError?: (error: ApiCallError) => void } = {},
) {
  return useMutation<MethodOutput<M>, ApiCallError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: (value) => {
      queryClient.setQueryData(apiKey('meldcode.get', { caseId: value.id }), value);
      void queryClient.invalidateQueries({ predicate: (query) => typeof query.queryKey[0] === 'string' && LISTS.has(query.queryKey[0]) });
      options.onSuccess?.(value);
    },
    onError: options.onError,
  });
}
