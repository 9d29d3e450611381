import { Group, SegmentedControl, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';

/** A list's status filter, kept in the URL (`?status=…`), so links and the back button keep it. */
export function useStatusFilter<F extends string>(filters: readonly F[], fallback: F): [F, (value: F) => void] {
  const [params, setParams] = useSearchParams();
  const value = filters.find((filter) => filter === params.get('status')) ?? fallback;
  const choose = (next: F) => { setParams(next === fallback ? {} : { status: next }, { replace: true }); };
  return [value, choose];
}

/** The status filter above a list (one segmented control) and, on the right, how many are shown. */
export function StatusFilter<F extends string>({
  label,
  filters,
  value,
  onChange,
  labelOf,
  count,
}: {
  label: string;
  filters: readonly F[];
  value: F;
  onChange: (value: F) => void;
  labelOf: (filter: F) => string;
  count?: string | undefined;
}) {
  return (
    <Group mb="md" justify="space-between">
      <SegmentedControl
        aria-label={label}
        value={value}
        onChange={(next) => {
          const filter = filters.find((candidate) => candidate === next);
          if (filter) onChange(filter);
        }}
        data={filters.map((filter) => ({ value: filter, label: labelOf(filter) }))}
      />
      {count !== undefined && (
        <Text size="sm" c="dimmed" role="status">
          {count}
        </Text>
      )}
    </Group>
  );
}
