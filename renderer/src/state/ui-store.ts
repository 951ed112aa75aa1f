import { create } from 'zustand';

export const screens = ['inbox', 'composer', 'writeback', 'connections', 'settings'] as const;
export type Screen = (typeof screens)[number];

const screenFromHash = (hash: string): Screen => {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (screens as readonly string[]).includes(name ?? '') ? (name as Screen) : 'inbox';
};

interface UiState {
  screen: Screen;
  selectedNotificationId: number | null;
  screenShown: (screen: Screen) => void;
  notificationSelected: (id: number | null) => void;
}

/** UI state only (which screen, what is selected); data from the core lives in react-query. */
const useUiStore = create<UiState>()((set) => ({
  screen: screenFromHash(window.location.hash),
  selectedNotificationId: null,
  screenShown: (screen) => {
    // The same screen keeps its hash (the inbox's carries its filter).
    if (screenFromHash(window.location.hash) !== screen || !window.location.hash) window.location.hash = `#/${screen}`;
    set({ screen });
  },
  notificationSelected: (id) => set({ selectedNotificationId: id }),
}));

window.addEventListener('hashchange', () => useUiStore.setState({ screen: screenFromHash(window.location.hash) }));

export const useScreen = () => useUiStore((s) => s.screen);
export const useSelectedNotificationId = () => useUiStore((s) => s.selectedNotificationId);
export const useUiActions = () => ({
  screenShown: useUiStore.getState().screenShown,
  notificationSelected: useUiStore.getState().notificationSelected,
});
