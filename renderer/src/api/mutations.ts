import { useMutation } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { call, type ApiCallError } from './client';
import { queryClient } from './queries';

/**
 * Reads that show client data. After any change to households, children, contracts, pickup, the
 * waiting list, consents, disclosures or an AVG-verzoek these are refetched (only the ones on screen
 * actually run). `medical.get` is left out on purpose: every read of it is audit-logged, so it is
 * only read when the user asks.
 */
const CLIENT_READS: ReadonlySet<string> = new Set<MethodName>([
  'households.get',
  'children.get',
  'children.list',
  'contracts.listForChild',
  'tasks.list',
  'waitlist.list',
  'pickup.list',
  'search.query',
  'dashboard.get',
  'consents.overview',
  'consents.roster',
  'consents.privacyStatement',
  'exchange.list',
  'disclosures.register',
  'municipalities.list',
  'marketing.optOuts',
  'requests.list',
  'requests.get',
  'requests.due',
  'applicants.list',
  'employees.list',
  'complaints.list',
  'retention.why',
  'retention.preview',
  'retention.runs',
  'retention.notice',
]);

export const refreshClientData = () =>
  queryClient.invalidateQueries({ predicate: (query) => typeof query.queryKey[0] === 'string' && CLIENT_READS.has(query.queryKey[0]) });

/** A writing API call; afterwards the client data on screen are refetched. */
export function useApiMutation<M extends MethodName>(
  method: M,
  options: { onSuccess?: (value: MethodOutput<M>, input: MethodInput<M>) => void; onError?: (error: ApiCallError) => void } = {},
) {
  return useMutation<MethodOutput<M>, ApiCallError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: (value, input) => {
      void refreshClientData();
      options.onSuccess?.(value, input);
    },
    onError: options.onError,
  });
}
