import { create } from 'zustand';
import type { WritebackTranslateOptions } from '../../../../shared/contract';
import { DEFAULT_DESTINATION } from './destination-options';
import type { SchemaMarker } from './editor-types';
import type { TextRange } from './fhir-json-locations';
import { TEMPLATES, type EditIntent } from './templates';

/** A v2 field picked in the preview or the tree: the segment's index in the message and the field number. */
export interface FieldPick {
  readonly segmentIndex: number;
  readonly field: number;
}

export type PreviewTab = 'message' | 'tree' | 'diff';

/** Where Send goes: a saved destination, or an MLLP address typed in. */
export type SendTarget = { kind: 'saved'; destinationId: number } | { kind: 'mllp'; host: string; port: number };

/** A text put into the editor from outside (a template, a saved template): a new object each time. */
export interface LoadedText {
  readonly text: string;
}

interface WritebackUi {
  /**
   * The FHIR JSON being edited (the draft), updated on every keystroke: read it when acting on it
   * (save, send) rather than subscribing, so typing re-renders only what the preview changes.
   */
  text: string;
  /** What the editor was last given to show; typing changes `text`, not this. */
  loaded: LoadedText;
  templateId: string | null;
  /** What the edit does (action, changed elements, previous status): picks the trigger. */
  intent: EditIntent;
  /** The destination's translator options as edited here (MSH routing, version, assigning authorities, message choice). */
  destination: WritebackTranslateOptions;
  target: SendTarget | null;
  picked: FieldPick | null;
  cursorPath: string | null;
  tab: PreviewTab;
  schemaMarkers: SchemaMarker[];
  /** A request to scroll the editor to a range; the nonce changes on every request. */
  reveal: { range: TextRange; nonce: number } | null;
  /** Writebacks sent from this editor, newest first: their status is followed, and the diff compares with them. */
  sentIds: number[];
  /** The writeback whose status panel is open. */
  followedId: number | null;
}

const first = TEMPLATES[0];

const useWritebackStore = create<WritebackUi>()(() => ({
  text: first?.text ?? '',
  loaded: { text: first?.text ?? '' },
  templateId: first?.id ?? null,
  intent: first?.intent ?? { action: 'create' },
  destination: DEFAULT_DESTINATION,
  target: null,
  picked: null,
  cursorPath: null,
  tab: 'message',
  schemaMarkers: [],
  reveal: null,
  sentIds: [],
  followedId: null,
}));

export const useWriteback = useWritebackStore;

/** The editor's text now (for actions on it; components showing it would re-render on every key). */
export const writebackDraft = (): string => useWritebackStore.getState().text;

/** UI state changes, named for what happened. */
export const writebackActions = {
  textEdited: (text: string) => useWritebackStore.setState({ text }),
  // A forced message type belongs to one kind of resource: a new template starts without it.
  templateChosen: (id: string, text: string, intent: EditIntent) =>
    useWritebackStore.setState((s) => {
      const { messageType: _forced, ...destination } = s.destination;
      return { templateId: id, text, loaded: { text }, intent, destination, picked: null, cursorPath: null, reveal: null };
    }),
  intentChanged: (intent: EditIntent) => useWritebackStore.setState({ intent }),
  destinationEdited: (destination: WritebackTranslateOptions) => useWritebackStore.setState({ destination }),
  targetChosen: (target: SendTarget | null) => useWritebackStore.setState({ target }),
  fieldPicked: (picked: FieldPick | null) => useWritebackStore.setState({ picked }),
  cursorMoved: (cursorPath: string | null) => {
    if (useWritebackStore.getState().cursorPath !== cursorPath) useWritebackStore.setState({ cursorPath });
  },
  tabShown: (tab: PreviewTab) => useWritebackStore.setState({ tab }),
  schemaMarkersChanged: (schemaMarkers: SchemaMarker[]) => useWritebackStore.setState({ schemaMarkers }),
  revealRequested: (range: TextRange) => useWritebackStore.setState((s) => ({ reveal: { range, nonce: (s.reveal?.nonce ?? 0) + 1 } })),
  sent: (id: number) => useWritebackStore.setState((s) => ({ sentIds: [id, ...s.sentIds.filter((x) => x !== id)], followedId: id })),
  followed: (followedId: number | null) => useWritebackStore.setState({ followedId }),
};
