import { useEffect, useRef } from 'react';
import { monaco } from '../../monaco/monaco-setup';
import { fhirPathAt, type TextRange } from './fhir-json-locations';
import type { SchemaMarker } from './editor-types';
import { markerWriter, placeDecorations } from './editor-annotations';
import type { AnnotationSource } from './live-annotations';
import { FHIR_EDITOR_OPTIONS, FHIR_MODEL_OPTIONS } from './editor-options';
import { registerFhirSchema } from './register-fhir-schema';
import type { LoadedText } from './writeback-store';

/** How long the caret must rest before the FHIR path under it is looked up for lineage highlighting. */
const CARET_REST_MS = 120;

export interface FhirEditorProps {
  /** The text to start with (the draft, which outlives the editor). */
  draft(): string;
  /** A text put in from outside (a template): replaces the content whenever this object changes. */
  loaded: LoadedText;
  /** Each edit's new text, from Monaco's change event. */
  onChange(text: string): void;
  /** The FHIR path under the caret (null at the root or outside any element). */
  onCursorPath(path: string | null): void;
  onSchemaMarkers(markers: SchemaMarker[]): void;
  /** The root resource type of the last preview, for turning caret positions into FHIR paths. */
  rootType: string | null;
  /**
   * Lineage highlights, unmapped elements and markers. Each preview changes them: the editor
   * applies them as they change, so a keystroke's preview re-renders no React component for them.
   */
  annotations: AnnotationSource;
  /** Changes whenever the page asks to scroll to `reveal` (a click in the preview or the issues list). */
  revealNonce: number;
  reveal: TextRange | null;
}

export const MODEL_URI = 'inmemory://switchboard/writeback.fhir.json';
const OWNER = 'switchboard';
const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info } as const;

const HIGHLIGHT: monaco.editor.IModelDecorationOptions = {
  className: 'wb-lineage-source',
  overviewRuler: { color: '#2f6fde', position: monaco.editor.OverviewRulerLane.Center },
};
const UNMAPPED: monaco.editor.IModelDecorationOptions = {
  inlineClassName: 'wb-unmapped',
  hoverMessage: { value: '**Unmapped**: no HL7 v2 field carries this element; the receiver will not get it.' },
  overviewRuler: { color: '#b0b7c3', position: monaco.editor.OverviewRulerLane.Left },
};

function severityOf(s: monaco.MarkerSeverity): SchemaMarker['severity'] {
  return s === monaco.MarkerSeverity.Error ? 'error' : s === monaco.MarkerSeverity.Warning ? 'warning' : 'info';
}

/** Monaco on the writeback's FHIR JSON: schema completion and validation, lineage and unmapped decorations, markers. */
export default function FhirEditor(props: FhirEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const highlightDecorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const unmappedDecorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const writeMarkers = useRef<((markers: monaco.editor.IMarkerData[]) => void) | null>(null);
  // The text the model holds at `version`, as last reported through onChange (or given at creation).
  const shownText = useRef<{ text: string; version: number } | null>(null);
  // The latest callbacks and root type, read by the editor's listeners without re-creating it.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    if (!host.current) return;
    const uri = monaco.Uri.parse(MODEL_URI);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(latest.current.draft(), 'json', uri);
    registerFhirSchema(MODEL_URI);
    const editor = monaco.editor.create(host.current, { ...FHIR_EDITOR_OPTIONS, model });
    // After creating the editor: it writes its options (the tab size) into the configuration,
    // which sets every model's options again from it, bracket colours back on included.
    model.updateOptions(FHIR_MODEL_OPTIONS);
    editorRef.current = editor;
    highlightDecorations.current = editor.createDecorationsCollection();
    unmappedDecorations.current = editor.createDecorationsCollection();
    writeMarkers.current = markerWriter(model, OWNER);
    shownText.current = { text: model.getValue(), version: model.getVersionId() };
    let reported = '[]';
    let cursorTimer: ReturnType<typeof setTimeout> | undefined;
    const subscriptions = [
      model.onDidChangeContent(() => {
        const text = model.getValue();
        shownText.current = { text, version: model.getVersionId() };
        latest.current.onChange(text);
      }),
      editor.onDidChangeCursorPosition((e) => {
        // Finding the FHIR path re-reads the whole document; every typed character moves the caret,
        // so it waits until the caret rests instead of costing each keystroke.
        if (cursorTimer !== undefined) clearTimeout(cursorTimer);
        cursorTimer = setTimeout(() => {
          cursorTimer = undefined;
          const offset = model.getOffsetAt(e.position);
          latest.current.onCursorPath(fhirPathAt(model.getValue(), offset, latest.current.rootType));
        }, CARET_REST_MS);
      }),
      monaco.editor.onDidChangeMarkers((uris) => {
        if (!uris.some((u) => u.toString() === uri.toString())) return;
        const markers = monaco.editor
          .getModelMarkers({ resource: uri })
          .filter((m) => m.owner !== OWNER)
          .map((m) => ({
            severity: severityOf(m.severity),
            message: m.message,
            line: m.startLineNumber,
            column: m.startColumn,
            start: model.getOffsetAt({ lineNumber: m.startLineNumber, column: m.startColumn }),
            end: model.getOffsetAt({ lineNumber: m.endLineNumber, column: m.endColumn }),
          }));
        // Our own markers change these events too: report only when the JSON service's changed,
        // or setting ours (after the issues list updates) would start the loop again.
        const key = JSON.stringify(markers);
        if (key === reported) return;
        reported = key;
        latest.current.onSchemaMarkers(markers);
      }),
    ];
    return () => {
      if (cursorTimer !== undefined) clearTimeout(cursorTimer);
      subscriptions.forEach((s) => s.dispose());
      editor.dispose();
      model.dispose();
      editorRef.current = null;
      writeMarkers.current = null;
      shownText.current = null;
    };
  }, []);

  // A text that did not come from typing (a template, a reset): replace it as one undoable edit.
  const { loaded } = props;
  const shownLoaded = useRef(loaded);
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || shownLoaded.current === loaded) return;
    shownLoaded.current = loaded;
    if (model.getValue() === loaded.text) return;
    editor.pushUndoStop();
    editor.executeEdits('switchboard', [{ range: model.getFullModelRange(), text: loaded.text }]);
    editor.pushUndoStop();
    editor.setScrollTop(0);
  }, [loaded]);

  const { annotations, revealNonce, reveal } = props;

  useEffect(() => {
    const apply = () => {
      const model = editorRef.current?.getModel();
      const shown = shownText.current;
      const { text, highlights, unmapped, markers } = annotations.get();
      // Offsets of an older text would land in the wrong place; the preview of this text is on its way.
      // (The text object the editor last reported: comparing it is cheaper than reading the model's.)
      if (!model || !shown || model.getVersionId() !== shown.version || shown.text !== text) return;
      const toRange = (r: TextRange) => monaco.Range.fromPositions(model.getPositionAt(r.start), model.getPositionAt(r.end));
      if (highlightDecorations.current) placeDecorations(highlightDecorations.current, highlights.map(toRange), HIGHLIGHT);
      if (unmappedDecorations.current) placeDecorations(unmappedDecorations.current, unmapped.map(toRange), UNMAPPED);
      writeMarkers.current?.(
        markers.map((m) => {
          const s = model.getPositionAt(m.start);
          const e = model.getPositionAt(m.end);
          return {
            severity: SEVERITY[m.severity],
            message: m.message,
            source: m.source,
            startLineNumber: s.lineNumber,
            startColumn: s.column,
            endLineNumber: e.lineNumber,
            endColumn: e.column,
          };
        }),
      );
    };
    // A preview answers inside the model's change event (the text is translated as it is typed):
    // apply after the event is done, once for however many changes it brought.
    let queued = false;
    let live = true;
    const unsubscribe = annotations.subscribe(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (live) apply();
      });
    });
    apply();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [annotations]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !reveal || revealNonce === 0) return;
    const range = monaco.Range.fromPositions(model.getPositionAt(reveal.start), model.getPositionAt(reveal.end));
    editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Smooth);
  }, [revealNonce, reveal]);

  return <div className="wb-editor" ref={host} data-testid="fhir-editor" />;
}
