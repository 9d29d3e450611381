import { Box, Card, Group, Table, VisuallyHidden, type TableProps, type TableTrProps } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import classes from './DataTable.module.css';
import { Empty, QueryState, type EmptyContent } from './QueryState';

/** One column: its header, how a row fills the cell, and optionally how rows sort by it. */
interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable: compares two rows ascending. */
  sort?: (a: T, b: T) => number;
  /** The cell names its row for screen readers (a row header). */
  rowHeader?: boolean;
  /** The header is read by screen readers only (an actions column). */
  hiddenHeader?: boolean;
  strong?: boolean;
  whiteSpace?: 'nowrap' | 'pre-wrap';
  align?: 'right' | 'center';
  /**
   * The column's width: a CSS grid track when the table is virtualised (`minmax(180px, 2fr)`), the
   * header cell's width otherwise (where a track that is no CSS width, like minmax(), is ignored).
   */
  width?: string;
}

interface Sort {
  key: string;
  direction: 'asc' | 'desc';
}

interface TableOptions<T> {
  /** Names the table for screen readers (a visually hidden caption). */
  caption: string;
  /** Columns in order; `false` leaves a column out (e.g. one the role may not see). */
  columns: readonly (Column<T> | false)[];
  rowKey: (row: T) => string;
  /** What an empty list says; without it an empty table keeps its header row. */
  empty?: EmptyContent;
  initialSort?: Sort;
  /** Below this width the table scrolls sideways. */
  minWidth?: number;
  /** A click anywhere on the row; the row still needs a link or button for the keyboard. */
  onRowClick?: (row: T) => void;
  rowProps?: (row: T) => TableTrProps;
  tableProps?: Omit<TableProps, 'children'>;
  /** From this many rows on, only the rows in view are rendered (10,000 scroll as smoothly as 10). */
  virtualizeFrom?: number;
  /** Inside its own bordered card, the table edge to edge. */
  card?: boolean;
  loaderHeight?: number | string;
}

type Source<T> = { rows: readonly T[] } | { query: UseQueryResult<readonly T[], unknown> };

type DataTableProps<T> = TableOptions<T> & Source<T>;

const VIRTUALIZE_FROM = 200;
const ROW_HEIGHT = 44;

/**
 * Sorted copies per rows array (the array from the query cache), comparison and direction: coming
 * back to a list with cached data, or toggling back to a previous order, does not sort again.
 */
const sortedCache = new WeakMap<readonly unknown[], WeakMap<(a: never, b: never) => number, Map<Sort['direction'], unknown[]>>>();

function sortRows<T>(rows: readonly T[], compare: ((a: T, b: T) => number) | undefined, direction: Sort['direction']): readonly T[] {
  if (!compare) return rows;
  let byCompare = sortedCache.get(rows);
  if (!byCompare) {
    byCompare = new WeakMap();
    sortedCache.set(rows, byCompare);
  }
  let byDirection = byCompare.get(compare);
  if (!byDirection) {
    byDirection = new Map();
    byCompare.set(compare, byDirection);
  }
  const cached = byDirection.get(direction);
  // The cache holds copies of this very rows array, sorted: they are T[].
  if (cached) return cached as T[];
  const sorted = [...rows].sort(compare);
  if (direction === 'desc') sorted.reverse();
  byDirection.set(direction, sorted);
  return sorted;
}

/** The actions of one row, right-aligned. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {children}
    </Group>
  );
}

/**
 * A table of rows with one set of states: loading and errors (when given a query), an empty text,
 * sortable columns (header buttons with aria-sort), row actions and row headers. Long lists are
 * virtualised (@tanstack/react-virtual): only the rows in view are in the DOM, each with its
 * aria-rowindex, so screen readers still know where they are in the whole list.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const pad = (node: ReactNode) => (props.card ? <Box p="lg">{node}</Box> : node);
  const content =
    'query' in props ? (
      <QueryState query={props.query} loaderHeight={props.loaderHeight} renderError={pad}>
        {(rows) => (rows.length === 0 && props.empty !== undefined ? pad(<Empty content={props.empty} />) : <Rows {...props} rows={rows} />)}
      </QueryState>
    ) : props.rows.length === 0 && props.empty !== undefined ? (
      pad(<Empty content={props.empty} />)
    ) : (
      <Rows {...props} rows={props.rows} />
    );
  return props.card ? (
    <Card withBorder padding={0}>
      {content}
    </Card>
  ) : (
    content
  );
}

interface RowsProps<T> extends TableOptions<T> {
  rows: readonly T[];
}

function Rows<T>({ rows, columns, initialSort, virtualizeFrom = VIRTUALIZE_FROM, ...options }: RowsProps<T>) {
  const [sort, setSort] = useState<Sort | null>(initialSort ?? null);
  const shown = useMemo(() => columns.filter((column): column is Column<T> => column !== false), [columns]);
  const compare = shown.find((column) => column.key === sort?.key)?.sort;
  const sorted = sortRows(rows, compare, sort?.direction ?? 'asc');
  const toggle = (key: string) => {
    setSort((current) => (current?.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));
  };
  const header = (column: Column<T>) => <HeaderContent column={column} sort={sort} onSort={toggle} />;
  const ariaSort = (column: Column<T>) => (column.sort ? (sort?.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none') : undefined);
  const view = { ...options, rows: sorted, columns: shown, header, ariaSort };
  return sorted.length >= virtualizeFrom ? <VirtualTable {...view} /> : <PlainTable {...view} />;
}

function HeaderContent<T>({ column, sort, onSort }: { column: Column<T>; sort: Sort | null; onSort: (key: string) => void }) {
  if (column.hiddenHeader) return <VisuallyHidden>{column.header}</VisuallyHidden>;
  if (!column.sort) return column.header;
  const active = sort?.key === column.key;
  return (
    <button type="button" className={classes.sortButton} onClick={() => { onSort(column.key); }}>
      {column.header}
      <span aria-hidden="true">{active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
    </button>
  );
}

interface ViewProps<T> extends Omit<TableOptions<T>, 'columns' | 'initialSort' | 'virtualizeFrom'> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  header: (column: Column<T>) => ReactNode;
  ariaSort: (column: Column<T>) => 'ascending' | 'descending' | 'none' | undefined;
}

const cellStyle = <T,>(column: Column<T>): CSSProperties | undefined => (column.whiteSpace ? { whiteSpace: column.whiteSpace } : undefined);

function PlainTable<T>({ rows, columns, caption, rowKey, minWidth, onRowClick, rowProps, tableProps, header, ariaSort }: ViewProps<T>) {
  const table = (
    <Table verticalSpacing="sm" {...tableProps}>
      <VisuallyHidden component="caption">{caption}</VisuallyHidden>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.key} scope="col" ta={column.align} w={column.width} aria-sort={ariaSort(column)}>
              {header(column)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr
            key={rowKey(row)}
            className={onRowClick ? classes.clickable : undefined}
            onClick={onRowClick && ((event) => { if (!isControl(event.target)) onRowClick(row); })}
            {...rowProps?.(row)}
          >
            {columns.map((column) => {
              const Cell = column.rowHeader ? Table.Th : Table.Td;
              return (
                <Cell key={column.key} scope={column.rowHeader ? 'row' : undefined} fw={column.strong ? 600 : column.rowHeader ? 400 : undefined} ta={column.align} style={cellStyle(column)}>
                  {column.cell(row)}
                </Cell>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}

/** A click on a link or button in the row does its own thing, not the row's. */
const isControl = (target: EventTarget) => target instanceof HTMLElement && Boolean(target.closest('a, button, input'));

function VirtualTable<T>({ rows, columns, caption, rowKey, onRowClick, header, ariaSort }: ViewProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used like this
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => (rows[index] ? rowKey(rows[index]) : index),
  });
  // Another order or another filter starts at the top of the list.
  useEffect(() => { scrollRef.current?.scrollTo({ top: 0 }); }, [rows]);
  const tracks = { '--data-table-columns': columns.map((column) => column.width ?? 'minmax(120px, 1fr)').join(' ') } as CSSProperties;

  return (
    <div role="table" aria-label={caption} aria-rowcount={rows.length + 1} style={tracks}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={classes.headerRow}>
          {columns.map((column) => (
            <div key={column.key} role="columnheader" className={classes.cell} aria-sort={ariaSort(column)}>
              {header(column)}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className={classes.scroller} style={{ height: `min(${rows.length * ROW_HEIGHT}px, max(320px, calc(100vh - 340px)))` }}>
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={onRowClick ? `${classes.row} ${classes.clickable}` : classes.row}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={onRowClick && ((event) => { if (!isControl(event.target)) onRowClick(row); })}
              >
                {columns.map((column) => (
                  <div key={column.key} role={column.rowHeader ? 'rowheader' : 'cell'} className={classes.cell} style={{ fontWeight: column.strong ? 600 : undefined, textAlign: column.align }}>
                    {column.cell(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
