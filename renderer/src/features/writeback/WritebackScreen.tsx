import { useCallback, useMemo, useState } from 'react';
import { useStableCallback } from '../../state/useStableCallback';
import { DestinationPanel } from './DestinationPanel';
import { Er7Diff } from './Er7Diff';
import { Er7Preview } from './Er7Preview';
import { collectIssues, editorMarkersOf, type ShownIssue } from './issues-model';
import { IssuesPanel } from './IssuesPanel';
import { LazyFhirEditor } from './LazyFhirEditor';
import { parentPath } from './fhir-json-locations';
import { fieldsFromPath, sourcesOfField } from './lineage-model';
import { SegmentTree } from './SegmentTree';
import { SendPanel } from './SendPanel';
import { TemplateBar } from './TemplateBar';
import { useLivePreview } from './useLivePreview';
import { writebackActions, writebackDraft, useWriteback, type FieldPick } from './writeback-store';

const NO_RANGES: never[] = [];

/** Writeback: FHIR JSON on the left, the HL7 v2 the receiver gets on the right, live; lineage both ways; send and follow. */
export function WritebackScreen() {
  const loaded = useWriteback((s) => s.loaded);
  const intent = useWriteback((s) => s.intent);
  const destination = useWriteback((s) => s.destination);
  const picked = useWriteback((s) => s.picked);
  const cursorPath = useWriteback((s) => s.cursorPath);
  const tab = useWriteback((s) => s.tab);
  const schemaMarkers = useWriteback((s) => s.schemaMarkers);
  const reveal = useWriteback((s) => s.reveal);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [scrollTo, setScrollTo] = useState<{ segmentIndex: number; nonce: string } | null>(null);

  const options = useMemo(() => ({ ...destination, ...intent }), [destination, intent]);
  const preview = useLivePreview(loaded, options);
  const output = preview.output;
  const result = output?.result ?? null;

  // Each keystroke goes to the preview at once, then to the store (which no component showing it reads).
  const typed = (next: string) => {
    preview.client.submit(next, options);
    writebackActions.textEdited(next);
  };

  const sources = useMemo(() => (output && picked ? sourcesOfField(output, picked) : null), [output, picked]);
  const linked = useMemo(() => (output ? fieldsFromPath(output, cursorPath) : new Set<string>()), [output, cursorPath]);
  const issues = useMemo(() => collectIssues(output, schemaMarkers), [output, schemaMarkers]);
  const markers = useMemo(() => editorMarkersOf(issues), [issues]);
  const unmapped = output?.unmappedRanges ?? NO_RANGES;

  // FHIR → v2: bring the first field made from the element under the caret into view.
  const firstLinked = linked.size > 0 ? Math.min(...[...linked].map((k) => Number(k.split(':')[0]))) : null;
  const followCaret = useMemo(() => (firstLinked === null ? null : { segmentIndex: firstLinked, nonce: cursorPath ?? '' }), [firstLinked, cursorPath]);

  // v2 → FHIR: highlight where the field came from and scroll the editor there.
  const pick = useStableCallback((p: FieldPick) => {
    writebackActions.fieldPicked(p);
    const first = output ? sourcesOfField(output, p).ranges[0] : undefined;
    if (first) writebackActions.revealRequested(first);
  });
  const locate = useStableCallback((issue: ShownIssue) => {
    if (issue.segmentIndex !== undefined && issue.field !== undefined) {
      writebackActions.fieldPicked({ segmentIndex: issue.segmentIndex, field: issue.field });
      setScrollTo({ segmentIndex: issue.segmentIndex, nonce: issue.key + Date.now() });
      if (tab === 'diff') writebackActions.tabShown('message');
    }
    if (issue.range) writebackActions.revealRequested(issue.range);
  });

  // An ACK's FHIR path (or its nearest element present in the text): highlight it and scroll there.
  const locatePath = useStableCallback((path: string) => {
    if (!output) return;
    let p: string | undefined = path;
    while (p && !output.ranges[p]) p = parentPath(p);
    const range = p ? output.ranges[p] : undefined;
    if (!range) return;
    writebackActions.fieldPicked(null);
    writebackActions.revealRequested(range);
  });
  const toggleOptions = useCallback(() => setOptionsOpen((o) => !o), []);
  const kind = output?.focusType ? `${output.focusType}${capitalize(intent.action ?? 'create')}` : null;

  const highlights = useMemo(() => sources?.ranges ?? (reveal && !picked ? [reveal.range] : NO_RANGES), [sources, reveal, picked]);

  return (
    <section className="screen writeback">
      <TemplateBar optionsOpen={optionsOpen} onToggleOptions={toggleOptions} />
      {optionsOpen && <DestinationPanel focusType={output?.focusType ?? null} />}
      <div className="wb-split">
        <div className="wb-left">
          <LazyFhirEditor
            draft={writebackDraft}
            loaded={loaded}
            onChange={typed}
            onCursorPath={writebackActions.cursorMoved}
            onSchemaMarkers={writebackActions.schemaMarkersChanged}
            rootType={output?.rootType ?? null}
            rangesText={preview.text}
            highlights={highlights}
            unmapped={unmapped}
            markers={markers}
            revealNonce={reveal?.nonce ?? 0}
            reveal={reveal?.range ?? null}
          />
          <div className="wb-editor-status small">
            {cursorPath ? <code data-testid="cursor-path">{cursorPath}</code> : <span className="muted">Put the caret in the JSON to see the v2 fields it fills.</span>}
            {cursorPath && (
              <span className="muted">
                {' '}→ {linked.size === 0 ? 'no v2 field' : `${linked.size} v2 ${linked.size === 1 ? 'field' : 'fields'}`}
              </span>
            )}
            <span className="spacer" />
            {output && output.result.unmapped.length > 0 && (
              <span className="wb-unmapped-count" title={output.result.unmapped.join('\n')} data-testid="unmapped-count">
                {output.result.unmapped.length} unmapped
              </span>
            )}
          </div>
        </div>
        <div className="wb-right">
          <div className="wb-preview-head">
            <div className="tabs" role="tablist">
              {(['message', 'tree', 'diff'] as const).map((t) => (
                <button key={t} type="button" role="tab" aria-selected={tab === t} className={`tab${tab === t ? ' active' : ''}`} onClick={() => writebackActions.tabShown(t)}>
                  {t === 'message' ? 'HL7 v2' : t === 'tree' ? 'Tree' : 'Diff'}
                </button>
              ))}
            </div>
            <span className="spacer" />
            {result && result.messageType && <code className="wb-message-type" data-testid="message-type">{result.messageType}</code>}
            <span className={`wb-preview-state small ${preview.problem ? 'error' : 'muted'}`} data-testid="preview-state" title={preview.problem ?? ''}>
              <span className="wb-preview-state-text">
                {preview.problem ? `Not JSON yet: showing the last valid preview` : preview.pending ? 'translating…' : output ? `${output.computeMs.toFixed(1)} ms` : ''}
              </span>
            </span>
          </div>
          <div className="wb-preview-body">
            {!output ? (
              <p className="muted pad">{preview.problem ?? 'Translating…'}</p>
            ) : !result?.ok && result?.er7 === '' ? (
              <p className="error pad" data-testid="preview-failed">
                No message: {result.issues.find((i) => i.severity === 'error')?.message ?? 'the input cannot be translated'}
              </p>
            ) : tab === 'message' && result ? (
              <Er7Preview result={result} seq={preview.seq} computeMs={output.computeMs} picked={picked} linked={linked} scrollTo={scrollTo} followCaret={followCaret} onPick={pick} />
            ) : tab === 'tree' && result ? (
              <SegmentTree result={result} picked={picked} onPick={pick} />
            ) : result ? (
              <Er7Diff current={result.er7} kind={kind} />
            ) : null}
          </div>
          {picked && sources && (
            <div className="wb-lineage small" data-testid="lineage">
              <strong>{pickedLabel(result, picked)}</strong> ←{' '}
              {sources.paths.length === 0 ? <span className="muted">not from the FHIR input (fixed or derived value)</span> : sources.paths.map((p) => <code key={p}>{p}</code>)}
              <button type="button" className="link" onClick={() => writebackActions.fieldPicked(null)}>
                clear
              </button>
            </div>
          )}
          <IssuesPanel issues={issues} onLocate={locate} />
          <SendPanel options={options} previewOk={Boolean(result?.ok)} onLocatePath={locatePath} />
        </div>
      </div>
    </section>
  );
}

function pickedLabel(result: { segments: readonly { name: string }[] } | null, p: FieldPick): string {
  const seg = result?.segments[p.segmentIndex];
  if (!seg) return '';
  const same = result.segments.filter((s) => s.name === seg.name).length;
  const occurrence = result.segments.slice(0, p.segmentIndex + 1).filter((s) => s.name === seg.name).length;
  return `${seg.name}${same > 1 ? `[${occurrence}]` : ''}-${p.field}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
