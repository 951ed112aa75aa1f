import { create } from 'zustand';
import type { NotificationFilter } from '../../../../shared/contract';
import { inboxLinkFromHash, type InboxLink } from './inbox-url';
import { emptySelection, rangeTo, type Selection, toggled } from './selection';

export type DetailTab = 'summary' | 'headers' | 'body' | 'hydrate' | 'replay';

interface InboxState {
  filter: NotificationFilter;
  viewId: number | null;
  detailTab: DetailTab;
  sendTestOpen: boolean;
  /** Rows ticked for export; separate from the one open in the detail pane. */
  selection: Selection;
  filterChanged: (filter: NotificationFilter) => void;
  viewApplied: (viewId: number | null, filter: NotificationFilter) => void;
  detailTabChosen: (tab: DetailTab) => void;
  sendTestToggled: () => void;
  selectionToggled: (id: number) => void;
  /** Shift-click: `order` is the list's ids as shown. */
  selectionExtended: (id: number, order: readonly number[]) => void;
  selectionCleared: () => void;
  /** Bumped when a link (not the filter bar) sets the filter, so the bar shows it afresh. */
  linkVersion: number;
  linkOpened: (link: InboxLink) => void;
}

const opened = inboxLinkFromHash(window.location.hash);

// Saving or deleting a view re-applies the same filter; only a different one drops the ticks.
const keptFor = (s: InboxState, next: NotificationFilter): Selection =>
  JSON.stringify(cleanFilter(s.filter)) === JSON.stringify(cleanFilter(next)) ? s.selection : emptySelection;

/**
 * The inbox's UI state: what is filtered, which panel is open, which rows are ticked. The
 * notifications live in react-query. A new filter clears the ticks, so "Export selected" never
 * includes rows the list no longer shows.
 */
const useInboxStore = create<InboxState>()((set) => ({
  filter: opened?.filter ?? {},
  viewId: opened?.viewId ?? null,
  detailTab: 'summary',
  sendTestOpen: false,
  selection: emptySelection,
  filterChanged: (filter) => set((s) => ({ filter, viewId: null, selection: keptFor(s, filter) })),
  viewApplied: (viewId, filter) => set((s) => ({ viewId, filter, selection: keptFor(s, filter) })),
  detailTabChosen: (detailTab) => set({ detailTab }),
  sendTestToggled: () => set((s) => ({ sendTestOpen: !s.sendTestOpen })),
  selectionToggled: (id) => set((s) => ({ selection: toggled(s.selection, id) })),
  selectionExtended: (id, order) => set((s) => ({ selection: rangeTo(s.selection, id, order) })),
  selectionCleared: () => set({ selection: emptySelection }),
  linkVersion: 0,
  linkOpened: (link) => set((s) => ({ ...link, selection: keptFor(s, link.filter), linkVersion: s.linkVersion + 1 })),
}));

// A link pasted into the address bar, or Back to an earlier filter.
window.addEventListener('hashchange', () => {
  const link = inboxLinkFromHash(window.location.hash);
  const s = useInboxStore.getState();
  if (link && (JSON.stringify(link.filter) !== JSON.stringify(cleanFilter(s.filter)) || link.viewId !== s.viewId)) s.linkOpened(link);
});

export const useInbox = <T,>(selector: (s: InboxState) => T): T => useInboxStore(selector);
export const inboxActions = () => {
  const s = useInboxStore.getState();
  return {
    filterChanged: s.filterChanged,
    viewApplied: s.viewApplied,
    detailTabChosen: s.detailTabChosen,
    sendTestToggled: s.sendTestToggled,
    selectionToggled: s.selectionToggled,
    selectionExtended: s.selectionExtended,
    selectionCleared: s.selectionCleared,
  };
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
