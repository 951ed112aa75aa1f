import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { NotificationFilter } from '../../../../shared/contract';
import { call } from '../../api/client';

/** Exports everything the filter matches, in chunks from the core, joined into one file. */
export function ExportButton({ filter }: { filter: NotificationFilter }) {
  const [format, setFormat] = useState<'ndjson' | 'csv'>('ndjson');
  const [count, setCount] = useState<number | null>(null);
  const exporter = useMutation({
    mutationFn: async () => {
      const parts: string[] = [];
      let beforeId: number | undefined;
      let fileName = 'notifications';
      let mimeType = 'application/x-ndjson';
      let total = 0;
      do {
        const chunk = await call('notifications.export', { format, filter, ...(beforeId === undefined ? {} : { beforeId }) });
        parts.push(chunk.content);
        fileName = chunk.fileName;
        mimeType = chunk.mimeType;
        total += chunk.count;
        setCount(total);
        beforeId = chunk.nextBeforeId ?? undefined;
      } while (beforeId !== undefined);
      const url = URL.createObjectURL(new Blob(parts, { type: mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return total;
    },
  });
  return (
    <span className="export">
      <select aria-label="Export notifications as" value={format} onChange={(e) => setFormat(e.target.value as 'ndjson' | 'csv')}>
        <option value="ndjson">NDJSON (raw)</option>
        <option value="csv">CSV (summary)</option>
      </select>
      <button type="button" className="secondary" disabled={exporter.isPending} onClick={() => exporter.mutate()}>
        {exporter.isPending ? `Exporting ${count ?? 0}…` : 'Export'}
      </button>
      {exporter.error && <span className="error">{exporter.error.message}</span>}
    </span>
  );
}
