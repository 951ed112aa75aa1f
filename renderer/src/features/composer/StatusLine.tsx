import type { QueryPageSummary } from '../../../../shared/contract';
import { formatBytes } from '../inbox/format';

export function StatusLine({ page }: { page: QueryPageSummary }) {
  const ok = page.status !== null && page.status < 400;
  const modes = page.searchModes;
  return (
    <div className="status-line" data-testid="status-line">
      <span className={`status-code ${ok ? 'ok' : 'bad'}`}>{page.status === null ? 'No answer' : `${page.status} ${page.statusText}`}</span>
      <span>{Math.round(page.durationMs)} ms</span>
      <span>{formatBytes(page.sizeBytes)}</span>
      <span data-testid="entry-count">
        {page.entryCount} {page.entryCount === 1 ? 'entry' : 'entries'}
        {modes.include + modes.outcome > 0 && ` (${modes.match} match, ${modes.include} include${modes.outcome ? `, ${modes.outcome} outcome` : ''})`}
      </span>
      {page.total !== null && <span>total {page.total}</span>}
      <span className="muted">
        page {page.pageIndex + 1} of {page.pageCount} fetched
      </span>
    </div>
  );
}
