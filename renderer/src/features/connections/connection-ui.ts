import { create } from 'zustand';

/** Which connection the screen shows ('new' for the empty form); UI state only. */
interface ConnectionUi {
  selected: string | 'new' | null;
  select: (id: string | 'new' | null) => void;
}

const useConnectionUiStore = create<ConnectionUi>()((set) => ({
  selected: null,
  select: (selected) => set({ selected }),
}));

export const useSelectedConnection = () => useConnectionUiStore((s) => s.selected);
export const selectConnection = (id: string | 'new' | null) => useConnectionUiStore.getState().select(id);
