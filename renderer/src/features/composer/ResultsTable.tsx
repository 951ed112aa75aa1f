import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { QueryEntryRow } from '../../../../shared/contract';
import type { ResultColumn } from '../../../../shared/fhir/default-columns';
import { call } from '../../api/client';
import { runKeys } from './useQueryRun';

const ROW_HEIGHT = 30;
const BLOCK = 200;

interface Props {
  runId: number;
  pageIndex: number;
  entryCount: number;
  columns: ResultColumn[];
  selected: number | null;
  onSelect: (index: number) => void;
}

/**
 * Only visible rows exist in the DOM, and only the blocks of rows on screen are asked of the core,
 * with the columns' FHIRPath evaluated there: a 10,000-entry page never crosses to the renderer whole.
 */
export function ResultsTable({ runId, pageIndex, entryCount, columns, selected, onSelect }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entryCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const firstBlock = Math.floor((items[0]?.index ?? 0) / BLOCK);
  const lastBlock = Math.floor((items.at(-1)?.index ?? 0) / BLOCK);
  const expressions = columns.map((c) => c.expression);
  const blocks = useQueries({
    queries: Array.from({ length: lastBlock - firstBlock + 1 }, (_, i) => {
      const offset = (firstBlock + i) * BLOCK;
      return {
        queryKey: runKeys.entries(runId, pageIndex, offset, expressions),
        queryFn: () => call('query.entries', { runId, pageIndex, offset, limit: BLOCK, columns: expressions }),
        staleTime: Infinity,
      };
    }),
  });
  const rowAt = (index: number): QueryEntryRow | undefined => {
    const block = blocks[Math.floor(index / BLOCK) - firstBlock]?.data;
    return block?.rows[index % BLOCK];
  };
  const columnErrors = blocks[0]?.data?.columnErrors ?? [];
  const template = `56px 150px 150px 70px ${columns.map(() => 'minmax(120px, 1fr)').join(' ')}`;

  return (
    <div className="results-table" role="table" aria-label="Results" aria-rowcount={entryCount}>
      <div className="results-body" ref={scrollRef}>
        <div className="results-head" role="row" style={{ gridTemplateColumns: template }}>
          <span role="columnheader">#</span>
          <span role="columnheader">Type</span>
          <span role="columnheader">id</span>
          <span role="columnheader">mode</span>
          {columns.map((c, i) => (
            <span role="columnheader" key={`${c.label}-${i}`} title={columnErrors[i] ?? c.expression} className={columnErrors[i] ? 'error' : ''}>
              {c.label}
              {columnErrors[i] ? ' ⚠' : ''}
            </span>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: 'max-content' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.index}
                role="row"
                data-testid="result-row"
                aria-selected={item.index === selected}
                className={`results-row ${item.index === selected ? 'selected' : ''} mode-${row?.searchMode ?? 'loading'}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => onSelect(item.index)}
              >
                <span role="cell" className="muted">{item.index + 1}</span>
                <span role="cell">{row?.resourceType ?? '…'}</span>
                <span role="cell" title={row?.fullUrl ?? ''}>{row?.id ?? ''}</span>
                <span role="cell" className="muted">{row?.searchMode ?? ''}</span>
                {columns.map((c, i) => (
                  <span role="cell" key={`${c.label}-${i}`} title={row?.cells[i] ?? ''}>
                    {row?.cells[i] ?? ''}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
