import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { NotificationSummary } from '../../../../shared/contract';
import { formatBytes, formatTimestamp } from './format';

const ROW_HEIGHT = 52;

interface Props {
  items: NotificationSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  hasMore: boolean;
  loadMore: () => void;
}

/** Only the rows on screen exist in the DOM, so a long history scrolls as smoothly as a short one. */
export function NotificationList({ items, selectedId, onSelect, hasMore, loadMore }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 20) loadMore();
  }, [hasMore, lastIndex, items.length, loadMore]);

  return (
    <div className="list-scroll" ref={scrollRef} role="listbox" aria-label="Notifications">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const n = items[row.index];
          if (!n) return null;
          return (
            <div
              key={n.id}
              role="option"
              aria-selected={n.id === selectedId}
              data-testid="notification-row"
              data-id={n.id}
              className={`row ${n.id === selectedId ? 'selected' : ''} ${n.parseStatus !== 'ok' ? 'flagged' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={() => onSelect(n.id)}
            >
              <div className="row-line">
                <span className="time">{formatTimestamp(n.receivedAt)}</span>
                <span className="event">{n.event ?? (n.parseStatus === 'ok' ? '' : n.parseStatus)}</span>
                <span className="size">{formatBytes(n.sizeBytes)}</span>
              </div>
              <div className="row-line">
                <span className="source" title={n.source ?? ''}>{n.source ?? 'unknown sender'}</span>
                <span className="types">
                  {n.resourceTypes.length > 0 ? n.resourceTypes.join(' · ') : n.parseStatus === 'ok' ? 'no FHIR resources' : 'not parsed'}
                </span>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
