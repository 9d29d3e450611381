import { useMutation, type Query } from '@tanstack/react-query';
import { contract, isMethodName, type DataArea, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/api/contract';
import { call, type ApiCallError } from './client';
import { queryClient } from './queries';

/**
 * Cache invalidation from the contract: a write declares the data areas it `changes`, a read the
 * areas it `shows`; after a write the cached reads that show one of those areas are invalidated
 * (the ones on screen are refetched, the others on their next use). A write without `changes`
 * refreshes nothing.
 *
 * Audited reads (medical.get, meldcode, staff files …) are refreshed only by a write that changes
 * what they show — the user's own change to the data on screen — never by an unrelated write
 * (queries.ts: once per user action).
 */
function readsChangedBy(methods: readonly MethodName[]): Query[] {
  const areas = new Set<DataArea>(methods.flatMap((method) => contract[method].changes ?? []));
  if (areas.size === 0) return [];
  return queryClient.getQueryCache().findAll({
    predicate: (query) => {
      const method = query.queryKey[0];
      return typeof method === 'string' && isMethodName(method) && (contract[method].shows ?? []).some((area) => areas.has(area));
    },
  });
}

function invalidate(queries: readonly Query[]): Promise<void> {
  if (queries.length === 0) return Promise.resolve();
  const targets = new Set(queries);
  return queryClient.invalidateQueries({ predicate: (query) => targets.has(query) });
}

/**
 * After a sync round pulled changes (another PC's edits, a request registered at head office):
 * every cached read is refreshed except the audited ones, which stay once per user action, and
 * the polled status reads.
 */
export function refreshAfterPull(): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const method = query.queryKey[0];
      return typeof method === 'string' && isMethodName(method) && contract[method].audit?.kind !== 'read' && !contract[method].passive && method !== 'app.status';
    },
  });
}

/** Refreshes the reads showing what these writes change (for writes made with `call` directly). */
export const refreshAfter = (...methods: MethodName[]) => invalidate(readsChangedBy(methods));

/** A writing API call; afterwards the reads showing what it changes are refetched. */
export function useApiMutation<M extends MethodName>(
  method: M,
  options: { onSuccess?: (value: MethodOutput<M>, input: MethodInput<M>) => void; onError?: (error: ApiCallError) => void } = {},
) {
  return useMutation<MethodOutput<M>, ApiCallError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: (value, input) => {
      const affected = readsChangedBy([method]).map((query) => ({ query, updatedAt: query.state.dataUpdatedAt }));
      options.onSuccess?.(value, input);
      // A read that onSuccess already replaced with the write's answer (medical.update's answer is
      // the fresh medical.get) is not fetched again: for an audited read that would be an audit
      // row nobody asked for.
      void invalidate(affected.filter(({ query, updatedAt }) => query.state.dataUpdatedAt === updatedAt).map(({ query }) => query));
    },
    onError: options.onError,
  });
}
