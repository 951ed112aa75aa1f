import { create } from 'zustand';
import type { ResultColumn } from '../../../../shared/fhir/default-columns';
import { defaultColumns } from '../../../../shared/fhir/default-columns';
import type { SearchModel } from '../../../../shared/fhir-search/search-model';

export type ResultView = 'table' | 'page-json' | 'request';

interface ComposerState {
  connectionId: string | null;
  method: 'GET' | 'POST';
  model: SearchModel;
  /** Columns per resource type, as the user edited them. */
  columns: Record<string, ResultColumn[]>;
  runId: number | null;
  pageIndex: number;
  selectedEntry: number | null;
  view: ResultView;
  sidePanel: 'history' | 'saved' | null;

  connectionChosen: (id: string | null) => void;
  methodChosen: (method: 'GET' | 'POST') => void;
  modelChanged: (model: SearchModel) => void;
  columnsChanged: (resourceType: string, columns: ResultColumn[]) => void;
  pageShown: (runId: number, pageIndex: number) => void;
  entrySelected: (index: number | null) => void;
  viewChosen: (view: ResultView) => void;
  sidePanelToggled: (panel: 'history' | 'saved') => void;
}

/** What the analyst is composing and looking at; the results themselves stay in the core. */
const useComposerStore = create<ComposerState>()((set) => ({
  connectionId: null,
  method: 'GET',
  model: { resourceType: 'Patient', parameters: [] },
  columns: {},
  runId: null,
  pageIndex: 0,
  selectedEntry: null,
  view: 'table',
  sidePanel: null,

  connectionChosen: (connectionId) => set({ connectionId }),
  methodChosen: (method) => set({ method }),
  modelChanged: (model) => set({ model }),
  columnsChanged: (resourceType, columns) => set((s) => ({ columns: { ...s.columns, [resourceType]: columns } })),
  pageShown: (runId, pageIndex) => set({ runId, pageIndex, selectedEntry: null }),
  entrySelected: (selectedEntry) => set({ selectedEntry }),
  viewChosen: (view) => set({ view }),
  sidePanelToggled: (panel) => set((s) => ({ sidePanel: s.sidePanel === panel ? null : panel })),
}));

export const useComposer = <T,>(selector: (state: ComposerState) => T): T => useComposerStore(selector);

/** The table's columns for a resource type: the user's, else the defaults. */
export const useColumns = (resourceType: string | null): ResultColumn[] =>
  useComposerStore((s) => (resourceType ? (s.columns[resourceType] ?? defaultColumns(resourceType)) : []));

export const composerActions = () => {
  const s = useComposerStore.getState();
  return {
    connectionChosen: s.connectionChosen,
    methodChosen: s.methodChosen,
    modelChanged: s.modelChanged,
    columnsChanged: s.columnsChanged,
    pageShown: s.pageShown,
    entrySelected: s.entrySelected,
    viewChosen: s.viewChosen,
    sidePanelToggled: s.sidePanelToggled,
  };
};

export const getComposerState = () => useComposerStore.getState();
