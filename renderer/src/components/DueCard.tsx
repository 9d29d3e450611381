import { Anchor, Group, List, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { QueryState } from './QueryState';
import { Section, TitleCount } from './Section';

/**
 * An Overzicht card of what is due soon or overdue (AVG-verzoeken, klachten): the title with the
 * count, the list or its empty line. `count` 0 means empty; the content draws the lists.
 */
export function DueCard<T>({ id, title, query, count, empty, children }: { id: string; title: string; query: UseQueryResult<T>; count: number; empty: string; children: (data: T) => ReactNode }) {
  return (
    <Stack mb="lg">
      <Section
        id={id}
        title={
          <>
            {title}
            <TitleCount count={count} />
          </>
        }
      >
        <QueryState query={query} loaderHeight={60} isEmpty={() => count === 0} empty={empty}>
          {(data) => (
            <Stack gap="sm" align="flex-start">
              {children(data)}
            </Stack>
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}

/** One due item per line: its deadline badge and a link to where it is handled. */
export function DueLinks({ items }: { items: readonly { key: string; badge: ReactNode; to: string; label: string }[] }) {
  if (items.length === 0) return null;
  return (
    <List spacing={6} listStyleType="none" ml={0}>
      {items.map((item) => (
        <List.Item key={item.key}>
          <Group gap="xs" wrap="nowrap">
            {item.badge}
            <Anchor component={Link} to={item.to} size="sm">
              {item.label}
            </Anchor>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
