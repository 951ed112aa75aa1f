import { useCallback, useMemo, useState } from 'react';
import { useStableCallback } from '../../state/useStableCallback';
import { DestinationPanel } from './DestinationPanel';
import { EditorStatus } from './EditorStatus';
import type { ShownIssue } from './issues-model';
import { LazyFhirEditor } from './LazyFhirEditor';
import { LineagePanel } from './LineagePanel';
import { liveAnnotations } from './live-annotations';
import { LiveIssues } from './LiveIssues';
import { parentPath } from './fhir-json-locations';
import { sourcesOfField } from './lineage-model';
import { PreviewBody } from './PreviewBody';
import { PreviewState } from './PreviewState';
import { SendPanel } from './SendPanel';
import { TemplateBar } from './TemplateBar';
import { useLivePreview } from './useLivePreview';
import { usePreview } from './usePreview';
import { writebackActions, writebackDraft, useWriteback, type FieldPick } from './writeback-store';

/**
 * Writeback: FHIR JSON on the left, the HL7 v2 the receiver gets on the right, live; lineage both ways; send and follow.
 * The screen reads of the preview only what changes with the kind of message (its root and focus types, whether it
 * can be sent): the parts that change with each keystroke follow the preview client themselves.
 */
export function WritebackScreen() {
  const loaded = useWriteback((s) => s.loaded);
  const intent = useWriteback((s) => s.intent);
  const destination = useWriteback((s) => s.destination);
  const tab = useWriteback((s) => s.tab);
  const reveal = useWriteback((s) => s.reveal);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [scrollTo, setScrollTo] = useState<{ segmentIndex: number; nonce: string } | null>(null);

  const options = useMemo(() => ({ ...destination, ...intent }), [destination, intent]);
  const client = useLivePreview(loaded, options);
  const rootType = usePreview(client, (s) => s.output?.rootType ?? null);
  const focusType = usePreview(client, (s) => s.output?.focusType ?? null);
  const previewOk = usePreview(client, (s) => Boolean(s.output?.result.ok));
  const annotations = useMemo(() => liveAnnotations(client, useWriteback), [client]);

  // Each keystroke goes to the preview at once, then to the store (which no component showing it reads).
  const typed = (next: string) => {
    client.submit(next, options);
    writebackActions.textEdited(next);
  };

  // v2 → FHIR: highlight where the field came from and scroll the editor there.
  const pick = useStableCallback((p: FieldPick) => {
    writebackActions.fieldPicked(p);
    const output = client.getSnapshot().output;
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
    const output = client.getSnapshot().output;
    if (!output) return;
    let p: string | undefined = path;
    while (p && !output.ranges[p]) p = parentPath(p);
    const range = p ? output.ranges[p] : undefined;
    if (!range) return;
    writebackActions.fieldPicked(null);
    writebackActions.revealRequested(range);
  });
  const toggleOptions = useCallback(() => setOptionsOpen((o) => !o), []);

  return (
    <section className="screen writeback">
      <TemplateBar optionsOpen={optionsOpen} onToggleOptions={toggleOptions} />
      {optionsOpen && <DestinationPanel focusType={focusType} />}
      <div className="wb-split">
        <div className="wb-left">
          <LazyFhirEditor
            draft={writebackDraft}
            loaded={loaded}
            onChange={typed}
            onCursorPath={writebackActions.cursorMoved}
            onSchemaMarkers={writebackActions.schemaMarkersChanged}
            rootType={rootType}
            annotations={annotations}
            revealNonce={reveal?.nonce ?? 0}
            reveal={reveal?.range ?? null}
          />
          <EditorStatus client={client} />
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
            <PreviewState client={client} />
          </div>
          <div className="wb-preview-body">
            <PreviewBody client={client} tab={tab} action={intent.action ?? 'create'} scrollTo={scrollTo} onPick={pick} />
          </div>
          <LineagePanel client={client} />
          <LiveIssues client={client} onLocate={locate} />
          <SendPanel options={options} previewOk={previewOk} onLocatePath={locatePath} />
        </div>
      </div>
    </section>
  );
}
