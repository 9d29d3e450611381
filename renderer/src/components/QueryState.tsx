import { EmptyState, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/forms';
import { FormError } from './FormError';
import { LoadingState } from './LoadingState';

/**
 * What a list shows when there is nothing in it: a dimmed line inside a section, or a titled
 * empty state (with actions) where the list is the whole page.
 */
export type EmptyContent = string | { title: string; text: ReactNode; actions?: ReactNode };

export function Empty({ content }: { content: EmptyContent }) {
  if (typeof content === 'string') {
    return (
      <Text c="dimmed" size="sm">
        {content}
      </Text>
    );
  }
  return (
    <EmptyState py="lg" title={content.title} description={content.text}>
      {content.actions && <EmptyState.Actions>{content.actions}</EmptyState.Actions>}
    </EmptyState>
  );
}

const isEmptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * One read's four states: loading, error (the backend's message in an alert), empty and data.
 * `empty` applies to lists by default; other answers say what empty means with `isEmpty`. A
 * failed refetch keeps showing the data it already had (polled reads such as the sync state).
 */
export function QueryState<T>({
  query,
  children,
  empty,
  isEmpty = isEmptyList,
  loaderHeight,
  renderError = (alert) => alert,
}: {
  query: UseQueryResult<T, unknown>;
  children: (data: T) => ReactNode;
  empty?: EmptyContent;
  isEmpty?: (data: T) => boolean;
  loaderHeight?: number | string;
  /** Puts the error alert in context, e.g. under a "not found" page title. */
  renderError?: (alert: ReactNode) => ReactNode;
}) {
  if (query.isPending) return <LoadingState minHeight={loaderHeight} />;
  if (query.isLoadingError) return renderError(<FormError message={errorMessage(query.error)} />);
  if (empty !== undefined && isEmpty(query.data)) return <Empty content={empty} />;
  return children(query.data);
}
