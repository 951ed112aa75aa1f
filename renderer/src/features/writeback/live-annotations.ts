import type { EditorMarker } from './editor-types';
import type { TextRange } from './fhir-json-locations';
import { collectIssues, editorMarkersOf } from './issues-model';
import { sourcesOfField } from './lineage-model';
import type { PreviewClient, PreviewSnapshot } from './preview-client';
import type { FieldPick } from './writeback-store';

/** What the editor paints over the text from the preview: lineage highlights, unmapped elements, markers. */
export interface EditorAnnotations {
  /** Offsets below are into this text; they apply only while the editor still holds it. */
  readonly text: string | null;
  /** The FHIR source of the picked v2 field, or a range asked to be revealed. */
  readonly highlights: readonly TextRange[];
  /** Elements no v2 field carries. */
  readonly unmapped: readonly TextRange[];
  readonly markers: readonly EditorMarker[];
}

/** The page state the annotations depend on besides the preview. */
export interface AnnotationUi {
  readonly picked: FieldPick | null;
  readonly reveal: { readonly range: TextRange } | null;
}

/** A value the editor reads when told it changed (so it can apply it without a React render). */
export interface AnnotationSource {
  subscribe(listener: () => void): () => void;
  get(): EditorAnnotations;
}

/** The store the page state comes from: the writeback store's zustand API fits. */
export interface UiStore<S extends AnnotationUi> {
  getState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

const NONE: readonly never[] = [];

export function editorAnnotations(preview: PreviewSnapshot, ui: AnnotationUi): EditorAnnotations {
  const output = preview.output;
  const sources = output && ui.picked ? sourcesOfField(output, ui.picked) : null;
  return {
    text: preview.text,
    highlights: sources?.ranges ?? (ui.reveal && !ui.picked ? [ui.reveal.range] : NONE),
    unmapped: output?.unmappedRanges ?? NONE,
    // The editor marks no schema markers (they came from it): the list is collected without them.
    markers: output ? editorMarkersOf(collectIssues(output, NONE)) : NONE,
  };
}

/**
 * The editor's annotations, following the preview client and the page state. Listeners hear of a
 * new preview and of a change to what is picked or revealed, not of other page state (the draft
 * changes on every key, and its preview is what matters).
 */
export function liveAnnotations<S extends AnnotationUi>(client: PreviewClient, store: UiStore<S>): AnnotationSource {
  let cached: { preview: PreviewSnapshot; picked: FieldPick | null; reveal: AnnotationUi['reveal']; value: EditorAnnotations } | null = null;
  return {
    subscribe(listener) {
      const fromPreview = client.subscribe(listener);
      const fromStore = store.subscribe((s, before) => {
        if (s.picked !== before.picked || s.reveal !== before.reveal) listener();
      });
      return () => {
        fromPreview();
        fromStore();
      };
    },
    get() {
      const preview = client.getSnapshot();
      const { picked, reveal } = store.getState();
      if (!cached || cached.preview !== preview || cached.picked !== picked || cached.reveal !== reveal) {
        cached = { preview, picked, reveal, value: editorAnnotations(preview, { picked, reveal }) };
      }
      return cached.value;
    },
  };
}
