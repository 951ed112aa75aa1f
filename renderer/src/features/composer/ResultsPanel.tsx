import { useState } from 'react';
import { LazyJsonViewer } from '../../components/LazyJsonViewer';
import { ColumnPicker } from './ColumnPicker';
import { composerActions, useColumns, useComposer } from './composer-store';
import { ExportControl } from './ExportControl';
import { FetchAllControl } from './FetchAllControl';
import { IssuesList } from './IssuesList';
import { RequestView } from './RequestView';
import { ResultsTable } from './ResultsTable';
import { StatusLine } from './StatusLine';
import { useEntry, useNavigate, usePageJson, usePageSummary } from './useQueryRun';

export function ResultsPanel() {
  const runId = useComposer((s) => s.runId);
  const pageIndex = useComposer((s) => s.pageIndex);
  const selected = useComposer((s) => s.selectedEntry);
  const view = useComposer((s) => s.view);
  const { pageShown, entrySelected, viewChosen } = composerActions();
  const summary = usePageSummary(runId, pageIndex).data;
  const resourceType = useComposer((s) => s.model.resourceType ?? null);
  const columns = useColumns(resourceType);
  const [pickingColumns, setPickingColumns] = useState(false);
  const navigate = useNavigate();
  const entry = useEntry(runId, pageIndex, selected);
  const pageJson = usePageJson(runId, pageIndex, view === 'page-json');

  if (runId === null || !summary) {
    return <div className="results empty muted">Run a search to see its results here.</div>;
  }
  const go = (relation: 'next' | 'previous') =>
    navigate.mutate({ runId, pageIndex, relation }, { onSuccess: (page) => pageShown(page.runId, page.pageIndex) });

  return (
    <div className="results">
      <StatusLine page={summary} />
      <IssuesList page={summary} />
      <div className="results-toolbar">
        <div className="pager">
          <button type="button" className="secondary" disabled={!summary.links.previous || navigate.isPending} onClick={() => go('previous')}>
            ◀ Previous
          </button>
          <button type="button" className="secondary" disabled={!summary.links.next || navigate.isPending} onClick={() => go('next')}>
            Next ▶
          </button>
          {summary.pageCount > 1 && (
            <select aria-label="Fetched page" value={pageIndex} onChange={(e) => pageShown(runId, Number(e.target.value))}>
              {Array.from({ length: summary.pageCount }, (_, i) => (
                <option key={i} value={i}>
                  Page {i + 1}
                </option>
              ))}
            </select>
          )}
        </div>
        <FetchAllControl runId={runId} hasNext={summary.links.next} />
        {navigate.error && <span className="error">{navigate.error.message}</span>}
      </div>
      <div className="results-toolbar">
        <div className="tabs" role="tablist">
          {(['table', 'page-json', 'request'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'tab active' : 'tab'} onClick={() => viewChosen(v)}>
              {v === 'table' ? 'Table' : v === 'page-json' ? 'Page JSON' : 'Request'}
            </button>
          ))}
        </div>
        {view === 'table' && resourceType && (
          <button type="button" className="link" onClick={() => setPickingColumns(true)}>
            Columns…
          </button>
        )}
        <span className="spacer" />
        <ExportControl runId={runId} pageIndex={pageIndex} columns={columns} />
      </div>
      {pickingColumns && resourceType && <ColumnPicker resourceType={resourceType} columns={columns} onClose={() => setPickingColumns(false)} />}
      {view === 'table' && (
        <div className="results-split">
          <ResultsTable runId={runId} pageIndex={pageIndex} entryCount={summary.entryCount} columns={columns} selected={selected} onSelect={entrySelected} />
          {selected !== null && (
            <div className="entry-detail" aria-label="Entry">
              <div className="entry-head">
                <span className="muted">{entry.data?.fullUrl ?? `Entry ${selected + 1}`}</span>
                <button type="button" className="link" onClick={() => entrySelected(null)} aria-label="Close entry">
                  ✕
                </button>
              </div>
              {entry.data && <LazyJsonViewer value={entry.data.json} label="Entry JSON" />}
            </div>
          )}
        </div>
      )}
      {view === 'page-json' && (
        <div className="page-json">
          {pageJson.data?.truncated && <p className="muted">Showing the first 20 MB of {pageJson.data.sizeBytes} bytes.</p>}
          {pageJson.data && <LazyJsonViewer value={pageJson.data.text} label="Page JSON" />}
        </div>
      )}
      {view === 'request' && <RequestView page={summary} />}
    </div>
  );
}
