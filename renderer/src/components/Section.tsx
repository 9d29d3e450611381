import { Badge, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface SectionProps {
  title: ReactNode;
  intro?: ReactNode;
  /** Buttons on the right of the title. */
  actions?: ReactNode;
  children?: ReactNode;
  /** Fixes the heading's id (a link or a test may point at it); a generated one otherwise. */
  id?: string;
  /** 2: a bordered card on a page (h2); 3: a part of a tab or a card (h3). */
  level?: 2 | 3;
}

/** A titled part of a page: a region named by its heading, with an intro and actions. */
export function Section({ title, intro, actions, children, id, level = 2 }: SectionProps) {
  const generated = useId();
  const titleId = id ? `${id}-title` : generated;
  const head = (
    <Group justify="space-between" align="flex-start" mb={level === 2 ? (intro ? 4 : 'md') : 0}>
      <Stack gap={2} maw={680}>
        <Title order={level} size={level === 2 ? 'h3' : 'h4'} id={titleId}>
          {title}
        </Title>
        {level === 3 && intro && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
  if (level === 3) {
    return (
      <Stack gap="sm" component="section" aria-labelledby={titleId}>
        {head}
        {children}
      </Stack>
    );
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      {head}
      {intro && (
        <Text size="sm" c="dimmed" mb="md">
          {intro}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** One label and value of a DataList. */
export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** A count beside a section title ("3 to do"); the list itself says it to screen readers. */
export function TitleCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Badge component="span" variant="light" color="red" aria-hidden="true" ml="xs" style={{ verticalAlign: 'middle' }}>
      {count}
    </Badge>
  );
}
