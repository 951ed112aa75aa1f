/** The most ids one export may name (the contract's limit on `ids`). */
export const MAX_SELECTION = 100_000;

/** Rows ticked for export; `anchor` is the last one ticked or unticked, where a shift-click range starts. */
export interface Selection {
  ids: ReadonlySet<number>;
  anchor: number | null;
}

export const emptySelection: Selection = { ids: new Set(), anchor: null };

export function toggled(selection: Selection, id: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else if (ids.size < MAX_SELECTION) ids.add(id);
  return { ids, anchor: id };
}

/**
 * Shift-click: every row from the anchor to `id`, in the list's order, takes the anchor row's state
 * (ticked or not), as mail clients do. Without an anchor still in the list, it is a plain toggle.
 */
export function rangeTo(selection: Selection, id: number, order: readonly number[]): Selection {
  const from = selection.anchor === null ? -1 : order.indexOf(selection.anchor);
  const to = order.indexOf(id);
  if (from < 0 || to < 0) return toggled(selection, id);
  const tick = selection.ids.has(order[from] ?? -1);
  const ids = new Set(selection.ids);
  for (const rowId of order.slice(Math.min(from, to), Math.max(from, to) + 1)) {
    if (!tick) ids.delete(rowId);
    else if (ids.size < MAX_SELECTION) ids.add(rowId);
  }
  return { ids, anchor: id };
}
