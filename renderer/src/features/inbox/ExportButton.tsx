import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { NotificationFilter } from '../../../../shared/contract';
import { downloadNotifications, type DownloadOutcome } from '../../api/download';
import { cleanFilter, isFiltered, useInbox } from './inbox-store';
import { SelectionSummary } from './SelectionSummary';

type Scope = 'selected' | 'all';

// A browser shows its own download; only a file the desktop app wrote needs saying where it went.
const outcomeText = (outcome: DownloadOutcome): string | null =>
  outcome.kind === 'saved' ? `Saved ${outcome.count} ${outcome.count === 1 ? 'notification' : 'notifications'} to ${outcome.path}` : null;

/**
 * Exports the ticked rows, or everything the filter matches. The host streams the file (a save
 * dialog in the desktop app, the browser's downloads headless), so a million notifications never
 * pass through this window.
 */
export function ExportButton({ filter }: { filter: NotificationFilter }) {
  const [format, setFormat] = useState<'ndjson' | 'csv'>('ndjson');
  const ticked = useInbox((s) => s.selection.ids);
  const exporter = useMutation({
    mutationFn: (scope: Scope) =>
      downloadNotifications(scope === 'selected' ? { format, ids: [...ticked] } : { format, filter: cleanFilter(filter) }),
  });
  const busy = (scope: Scope) => exporter.isPending && exporter.variables === scope;
  const done = exporter.data ? outcomeText(exporter.data) : null;
  return (
    <>
      <SelectionSummary />
      <span className="spacer" />
      <span className="export">
        <select aria-label="Export notifications as" value={format} onChange={(e) => setFormat(e.target.value as 'ndjson' | 'csv')}>
          <option value="ndjson">NDJSON (raw)</option>
          <option value="csv">CSV (summary)</option>
        </select>
        {ticked.size > 0 && (
          <button type="button" className="secondary" disabled={exporter.isPending} onClick={() => exporter.mutate('selected')}>
            {busy('selected') ? 'Exporting…' : `Export selected (${ticked.size})`}
          </button>
        )}
        <button type="button" className="secondary" disabled={exporter.isPending} onClick={() => exporter.mutate('all')}>
          {busy('all') ? 'Exporting…' : isFiltered(filter) ? 'Export all matching the filter' : 'Export all'}
        </button>
      </span>
      {done && (
        <span className="export-status muted" role="status">
          {done}
        </span>
      )}
      {exporter.error && <span className="export-status error">{exporter.error.message}</span>}
    </>
  );
}
