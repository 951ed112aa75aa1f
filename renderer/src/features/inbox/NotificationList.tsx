import { useVirtualizer } from '@tanstack/react-virtual';
import { type MouseEvent as ReactMouseEvent, useEffect, useRef } from 'react';
import type { NotificationSummary } from '../../../../shared/contract';
import { formatBytes, formatTimestamp } from './format';
import { inboxActions, useInbox } from './inbox-store';

const ROW_HEIGHT = 56;

interface Props {
  items: NotificationSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onStar: (n: NotificationSummary) => void;
  hasMore: boolean;
  loadMore: () => void;
}

const patientOf = (n: NotificationSummary) => {
  const id = n.patientIdentifiers[0];
  return id ? id.value : null;
};

const eventText = (n: NotificationSummary) =>
  n.handshake ? `Handshake (${n.handshake})` : (n.eventLabel ?? n.event ?? (n.parseStatus === 'ok' ? (n.subscription?.type ?? '') : n.parseStatus));

// A shift-click extends the tick range; without this the browser also highlights the text between.
const keepTextUnselected = (e: ReactMouseEvent) => {
  if (e.shiftKey) e.preventDefault();
};

/**
 * Only the rows on screen exist in the DOM, and pages arrive from the core as the list scrolls
 * (keyset paging), so a million stored notifications scroll like a hundred.
 */
export function NotificationList({ items, selectedId, onSelect, onStar, hasMore, loadMore }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? -1;
  const ticked = useInbox((s) => s.selection.ids);
  const { selectionToggled, selectionExtended } = inboxActions();
  const extendTo = (id: number) => selectionExtended(id, items.map((i) => i.id));

  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 40) loadMore();
  }, [hasMore, lastIndex, items.length, loadMore]);

  return (
    <div className="list-scroll" ref={scrollRef} role="listbox" aria-label="Notifications">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const n = items[row.index];
          if (!n) return null;
          const patient = patientOf(n);
          const event = eventText(n);
          const isTicked = ticked.has(n.id);
          return (
            <div
              key={n.id}
              role="option"
              aria-selected={n.id === selectedId}
              data-testid="notification-row"
              data-id={n.id}
              className={`row ${n.id === selectedId ? 'selected' : ''} ${isTicked ? 'ticked' : ''} ${n.parseStatus !== 'ok' ? 'flagged' : ''} ${n.read ? '' : 'unread'}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onMouseDown={keepTextUnselected}
              onClick={(e) => {
                // Modified clicks tick rows for export, as in a file list; a plain click opens the detail.
                if (e.shiftKey) extendTo(n.id);
                else if (e.ctrlKey || e.metaKey) selectionToggled(n.id);
                else onSelect(n.id);
              }}
            >
              <div className="row-line">
                <input
                  type="checkbox"
                  className="row-check"
                  checked={isTicked}
                  aria-label={`Select ${event || 'notification'}, ${formatTimestamp(n.receivedAt)}`}
                  onClick={(e) => e.stopPropagation()}
                  onChange={(e) => {
                    // React fires a checkbox's change from its click, so the click's shift key is there.
                    if (e.nativeEvent instanceof MouseEvent && e.nativeEvent.shiftKey) extendTo(n.id);
                    else selectionToggled(n.id);
                  }}
                />
                <button
                  type="button"
                  className={`star ${n.starred ? 'on' : ''}`}
                  aria-label={n.starred ? 'Unstar' : 'Star'}
                  aria-pressed={n.starred}
                  onClick={(e) => {
                    e.stopPropagation();
                    onStar(n);
                  }}
                >
                  {n.starred ? '★' : '☆'}
                </button>
                <span className="time">{formatTimestamp(n.receivedAt)}</span>
                <span className="event" title={n.eventUri ?? ''}>
                  {event}
                </span>
                {n.warnings.length > 0 && (
                  <span className="warn" title={n.warnings.join('\n')} aria-label="Gap warning">
                    ⚠
                  </span>
                )}
                {n.payloadLevel !== 'unknown' && <span className={`badge level-${n.payloadLevel}`}>{n.payloadLevel}</span>}
                <span className="size">{formatBytes(n.sizeBytes)}</span>
              </div>
              <div className="row-line">
                <span className="source" title={n.source ?? ''}>{n.source ?? 'unknown sender'}</span>
                {patient && (
                  <span className="patient" title="Patient identifier">
                    <span className="patient-label">pt</span> {patient}
                  </span>
                )}
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
