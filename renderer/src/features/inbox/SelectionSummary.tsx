import { inboxActions, useInbox } from './inbox-store';

/** "N selected · Clear": how many rows are ticked for export, and a way to untick them all. */
export function SelectionSummary() {
  const count = useInbox((s) => s.selection.ids.size);
  if (count === 0) return null;
  return (
    <span className="selection-summary" data-testid="selection-summary">
      <span role="status">{count} selected</span>
      <span aria-hidden="true">·</span>
      <button type="button" className="link" aria-label="Clear selection" onClick={() => inboxActions().selectionCleared()}>
        Clear
      </button>
    </span>
  );
}
