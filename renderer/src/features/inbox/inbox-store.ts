import { create } from 'zustand';
import type { NotificationFilter } from '../../../../shared/contract';

export type DetailTab = 'summary' | 'headers' | 'body' | 'hydrate' | 'replay';

interface InboxState {
  filter: NotificationFilter;
  viewId: number | null;
  detailTab: DetailTab;
  sendTestOpen: boolean;
  filterChanged: (filter: NotificationFilter) => void;
  viewApplied: (viewId: number | null, filter: NotificationFilter) => void;
  detailTabChosen: (tab: DetailTab) => void;
  sendTestToggled: () => void;
}

/** The inbox's UI state: what is filtered and which panel is open. The notifications live in react-query. */
const useInboxStore = create<InboxState>()((set) => ({
  filter: {},
  viewId: null,
  detailTab: 'summary',
  sendTestOpen: false,
  filterChanged: (filter) => set({ filter, viewId: null }),
  viewApplied: (viewId, filter) => set({ viewId, filter }),
  detailTabChosen: (detailTab) => set({ detailTab }),
  sendTestToggled: () => set((s) => ({ sendTestOpen: !s.sendTestOpen })),
}));

export const useInbox = <T,>(selector: (s: InboxState) => T): T => useInboxStore(selector);
export const inboxActions = () => {
  const s = useInboxStore.getState();
  return { filterChanged: s.filterChanged, viewApplied: s.viewApplied, detailTabChosen: s.detailTabChosen, sendTestToggled: s.sendTestToggled };
};
export const currentInboxFilter = () => useInboxStore.getState().filter;

/** Drops empty fields so `{}` means "no filter" and cache keys stay stable. */
export function cleanFilter(filter: NotificationFilter): NotificationFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as NotificationFilter;
}

export const isFiltered = (filter: NotificationFilter) => Object.keys(cleanFilter(filter)).length > 0;
