import { create } from 'zustand';

interface SubscriptionsUiState {
  panelOpen: boolean;
  /** The alert the user dismissed (its signature): it comes back when the problems change. */
  dismissedAlert: string | null;
  panelToggled: (open?: boolean) => void;
  alertDismissed: (signature: string) => void;
}

/** The inbox's subscriptions panel and alert: UI state only; the subscriptions live in react-query. */
const useSubscriptionsUiStore = create<SubscriptionsUiState>()((set) => ({
  panelOpen: false,
  dismissedAlert: null,
  panelToggled: (open) => set((s) => ({ panelOpen: open ?? !s.panelOpen })),
  alertDismissed: (dismissedAlert) => set({ dismissedAlert }),
}));

export const useSubscriptionsUi = <T,>(selector: (s: SubscriptionsUiState) => T): T => useSubscriptionsUiStore(selector);
export const subscriptionsUiActions = () => {
  const s = useSubscriptionsUiStore.getState();
  return { panelToggled: s.panelToggled, alertDismissed: s.alertDismissed };
};
