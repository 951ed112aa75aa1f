import { useState } from 'react';
import { defaultColumns, type ResultColumn } from '../../../../shared/fhir/default-columns';
import { composerActions } from './composer-store';

/** Columns are FHIRPath expressions the user can edit, add and remove; errors show in the header. */
export function ColumnPicker({ resourceType, columns, onClose }: { resourceType: string; columns: ResultColumn[]; onClose: () => void }) {
  const [draft, setDraft] = useState<ResultColumn[]>(columns);
  const update = (i: number, change: Partial<ResultColumn>) => setDraft(draft.map((c, j) => (j === i ? { ...c, ...change } : c)));
  return (
    <div className="column-picker card" role="dialog" aria-label="Columns">
      <h3>Columns for {resourceType}</h3>
      {draft.map((c, i) => (
        <div className="column-row" key={i}>
          <input aria-label={`Column ${i + 1} label`} value={c.label} onChange={(e) => update(i, { label: e.target.value })} />
          <input
            aria-label={`Column ${i + 1} FHIRPath`}
            className="mono"
            value={c.expression}
            onChange={(e) => update(i, { expression: e.target.value })}
          />
          <button type="button" className="link" onClick={() => setDraft(draft.filter((_, j) => j !== i))} aria-label={`Remove column ${c.label}`}>
            ✕
          </button>
        </div>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setDraft([...draft, { label: 'New column', expression: 'id' }])}>
          Add column
        </button>
        <button type="button" className="link" onClick={() => setDraft(defaultColumns(resourceType))}>
          Reset to defaults
        </button>
        <span className="spacer" />
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          onClick={() => {
            composerActions().columnsChanged(resourceType, draft.filter((c) => c.expression.trim() !== ''));
            onClose();
          }}
        >
          Apply
        </button>
      </div>
    </div>
  );
}
