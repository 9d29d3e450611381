import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ChildListRow } from '../../../../shared/api/clients.schemas';
import classes from './ChildrenTable.module.css';
import { ContractStatusBadge } from './common';
import { formatDate } from './format';

type SortKey = 'name' | 'birthDate' | 'group';
interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

const ROW_HEIGHT = 44;
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Achternaam first (without tussenvoegsel, as Dutch lists sort), then the whole name. */
const byName = (a: ChildListRow, b: ChildListRow) => collator.compare(a.surname, b.surname) || collator.compare(a.displayName, b.displayName);
const COMPARE: Record<SortKey, (a: ChildListRow, b: ChildListRow) => number> = {
  name: byName,
  birthDate: (a, b) => (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : byName(a, b)),
  group: (a, b) => collator.compare(a.groupName, b.groupName) || byName(a, b),
};

/**
 * Sorted copies per list answer (the array from the query cache) and sort order: coming back to
 * Kinderen with cached data, or toggling back to a previous order, does not sort 10,000 rows again.
 */
const sortedCache = new WeakMap<readonly ChildListRow[], Map<string, ChildListRow[]>>();

function sortRows(rows: readonly ChildListRow[], sort: Sort): ChildListRow[] {
  const key = `${sort.key}:${sort.direction}`;
  let byOrder = sortedCache.get(rows);
  if (!byOrder) {
    byOrder = new Map();
    sortedCache.set(rows, byOrder);
  }
  let sorted = byOrder.get(key);
  if (!sorted) {
    sorted = [...rows].sort(COMPARE[sort.key]);
    if (sort.direction === 'desc') sorted.reverse();
    byOrder.set(key, sorted);
  }
  return sorted;
}

/**
 * The children as an ARIA table whose body is virtualised (@tanstack/react-virtual): only the rows
 * in view (plus a few) are in the DOM, so 10,000 children scroll as smoothly as 10. Rows carry
 * aria-rowindex so screen readers still know where they are in the whole list.
 */
export function ChildrenTable({ rows }: { rows: readonly ChildListRow[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'asc' });
  const scrollRef = useRef<HTMLDivElement>(null);

  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used like this
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => sorted[index]?.id ?? index,
  });

  const toggle = (key: SortKey) => {
    setSort((current) => (current.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));
    scrollRef.current?.scrollTo({ top: 0 });
  };

  const header = (key: SortKey | null, label: string) => {
    if (!key) {
      return (
        <div role="columnheader" className={classes.cell}>
          {label}
        </div>
      );
    }
    const active = sort.key === key;
    return (
      <div role="columnheader" className={classes.cell} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className={classes.sortButton} onClick={() => { toggle(key); }}>
          {label}
          <span aria-hidden="true">{active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
        </button>
      </div>
    );
  };

  return (
    <div role="table" aria-label={t('children.tableCaption')} aria-rowcount={sorted.length + 1} className={classes.table}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={classes.headerRow}>
          {header('name', t('children.columns.name'))}
          {header('birthDate', t('children.columns.birthDate'))}
          {header('group', t('children.columns.group'))}
          {header(null, t('children.columns.contractStatus'))}
          {header(null, t('children.columns.contractParent'))}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className={classes.scroller} style={{ height: `min(${sorted.length * ROW_HEIGHT}px, max(320px, calc(100vh - 340px)))` }} data-testid="children-scroller">
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const child = sorted[item.index]!;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={classes.row}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={(event) => {
                  // The name is a real link (keyboard, middle click); a click elsewhere on the row opens the child too.
                  if (!(event.target instanceof HTMLElement && event.target.closest('a'))) void navigate(`/kinderen/${child.id}`);
                }}
              >
                <div role="cell" className={classes.cell}>
                  <Link to={`/kinderen/${child.id}`} className={classes.nameLink}>
                    {child.displayName}
                  </Link>
                </div>
                <div role="cell" className={classes.cell}>
                  {formatDate(child.birthDate)}
                </div>
                <div role="cell" className={classes.cell}>
                  {child.groupName}
                </div>
                <div role="cell" className={classes.cell}>
                  <ContractStatusBadge status={child.contractStatus} />
                </div>
                <div role="cell" className={classes.cell}>
                  {child.contractParentName || (
                    <Text span c="dimmed" size="sm">
                      —
                    </Text>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
