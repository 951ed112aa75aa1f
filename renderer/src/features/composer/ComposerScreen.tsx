import type { RunSummary, SavedQuery } from '../../../../shared/contract';
import { parseQueryString, searchModelSchema, toQueryString, type SearchModel } from '../../../../shared/fhir-search';
import { call } from '../../api/client';
import { AddParameter } from './AddParameter';
import { composerActions, useComposer } from './composer-store';
import { HistoryPanel } from './HistoryPanel';
import { ParameterList } from './ParameterList';
import { ResultParametersEditor } from './ResultParametersEditor';
import { ResultsPanel } from './ResultsPanel';
import { SavedQueriesPanel } from './SavedQueriesPanel';
import { PresetPicker } from './PresetPicker';
import { UrlBar } from './UrlBar';
import { WarningsList } from './WarningsList';
import { useConnections, useExecuteQuery } from './useQueryRun';
import { useSearchDefinitions } from './useSearchDefinitions';

/** A stored model when it is valid, else the model the query text gives. */
function modelFrom(stored: unknown, resourceType: string | null, query: string): SearchModel {
  const parsed = searchModelSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  return { ...(resourceType ? { resourceType } : {}), parameters: parseQueryString(query, resourceType ?? undefined) };
}

export function ComposerScreen() {
  const connectionId = useComposer((s) => s.connectionId);
  const method = useComposer((s) => s.method);
  const model = useComposer((s) => s.model);
  const sidePanel = useComposer((s) => s.sidePanel);
  const actions = composerActions();
  const connections = useConnections().data?.items ?? [];
  const connection = connections.find((c) => c.id === connectionId) ?? null;
  const { definitions, fromServer } = useSearchDefinitions(connectionId);
  const execute = useExecuteQuery();
  const resourceType = model.resourceType ?? '';

  const run = () => {
    if (!connectionId || !resourceType) return;
    execute.mutate(
      { connectionId, resourceType, query: toQueryString(model), method, model },
      { onSuccess: (page) => actions.pageShown(page.runId, page.pageIndex) },
    );
  };
  const reopen = async (runSummary: RunSummary) => {
    const full = await call('history.get', { runId: runSummary.runId });
    actions.modelChanged(modelFrom(full.model, full.resourceType, full.query));
    actions.methodChosen(full.method === 'POST' ? 'POST' : 'GET');
    if (full.connectionId && connections.some((c) => c.id === full.connectionId)) actions.connectionChosen(full.connectionId);
    if (full.pageCount > 0) actions.pageShown(full.runId, 0);
  };
  const openSaved = (q: SavedQuery) => {
    actions.modelChanged(modelFrom(q.model, q.resourceType, q.query));
    actions.methodChosen(q.method);
    const match = connections.find((c) => c.name === q.connectionName);
    if (match) actions.connectionChosen(match.id);
  };

  return (
    <section className="screen composer">
      <div className="composer-main">
        <div className="composer-toolbar">
          <h1>Composer</h1>
          <select aria-label="Connection" value={connectionId ?? ''} onChange={(e) => actions.connectionChosen(e.target.value || null)}>
            <option value="">Choose a connection…</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.environment})
              </option>
            ))}
          </select>
          <select
            aria-label="Resource type"
            value={resourceType}
            onChange={(e) => actions.modelChanged({ resourceType: e.target.value, parameters: model.parameters.filter((p) => p.kind === 'raw' || p.kind === 'count') })}
          >
            {definitions.resourceTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <span className="muted small" title={fromServer ? "From the server's CapabilityStatement" : 'Base FHIR R4 (test the connection to use what the server declares)'}>
            {fromServer ? 'server capabilities' : 'base R4'}
          </span>
          <div className="segmented" role="radiogroup" aria-label="Method">
            {(['GET', 'POST'] as const).map((m) => (
              <button key={m} type="button" role="radio" aria-checked={method === m} className={method === m ? 'active' : ''} onClick={() => actions.methodChosen(m)}>
                {m === 'GET' ? 'GET' : 'POST _search'}
              </button>
            ))}
          </div>
          <button type="button" onClick={run} disabled={!connectionId || !resourceType || execute.isPending}>
            {execute.isPending ? 'Running…' : 'Run'}
          </button>
          <span className="spacer" />
          <button type="button" className={`secondary ${sidePanel === 'history' ? 'active' : ''}`} onClick={() => actions.sidePanelToggled('history')}>
            History
          </button>
          <button type="button" className={`secondary ${sidePanel === 'saved' ? 'active' : ''}`} onClick={() => actions.sidePanelToggled('saved')}>
            Saved
          </button>
        </div>
        <UrlBar baseUrl={connection?.baseUrl ?? null} model={model} method={method} definitions={definitions} onModel={actions.modelChanged} onMethod={actions.methodChosen} />
        {execute.error && <p className="error pad-x" role="alert">{execute.error.message}</p>}
        <div className="composer-form">
          <ParameterList model={model} definitions={definitions} onModel={actions.modelChanged} />
          {resourceType && <AddParameter resourceType={resourceType} definitions={definitions} onAdd={(entry) => actions.modelChanged({ ...model, parameters: [...model.parameters, entry] })} />}
          <ResultParametersEditor model={model} definitions={definitions} onModel={actions.modelChanged} />
          <PresetPicker onApply={actions.modelChanged} />
        </div>
        <WarningsList model={model} definitions={definitions} method={method} redox={connection?.authType === 'redox'} />
        <ResultsPanel />
      </div>
      {sidePanel === 'history' && <HistoryPanel onReopen={(r) => void reopen(r)} />}
      {sidePanel === 'saved' && (
        <SavedQueriesPanel
          current={{ resourceType: resourceType || null, query: toQueryString(model), method, model, connectionName: connection?.name ?? null }}
          onOpen={openSaved}
        />
      )}
    </section>
  );
}
