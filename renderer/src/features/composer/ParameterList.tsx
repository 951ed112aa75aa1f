import type { SearchDefinitions, SearchModel } from '../../../../shared/fhir-search';
import { andRepeat, blankValue, insertEntry, removeEntry, replaceEntry } from './model-edits';
import { SearchParameterEditor } from './SearchParameterEditor';

/** The search parameters in URL order; raw (unrecognised) parts stay editable as text. */
export function ParameterList({ model, definitions, onModel }: { model: SearchModel; definitions: SearchDefinitions; onModel: (m: SearchModel) => void }) {
  return (
    <div className="param-list">
      {model.parameters.map((entry, index) => {
        if (entry.kind === 'search') {
          return (
            <SearchParameterEditor
              key={index}
              entry={entry}
              resourceType={model.resourceType}
              definitions={definitions}
              onChange={(next) => onModel(replaceEntry(model, index, next))}
              onRemove={() => onModel(removeEntry(model, index))}
              onAnd={() => onModel(insertEntry(model, andRepeat(entry, blankValue(entry.values[0]?.kind ?? 'string')), index + 1))}
              onReplace={(entries) =>
                onModel({ ...model, parameters: [...model.parameters.slice(0, index), ...entries, ...model.parameters.slice(index + 1)] })
              }
            />
          );
        }
        if (entry.kind === 'raw') {
          return (
            <div className="param-row raw" key={index} data-testid="param-row">
              <span className="muted small" title="Not understood as a FHIR search parameter; sent exactly as written">
                raw
              </span>
              <input
                aria-label={`Raw parameter ${index + 1}`}
                className="mono"
                value={entry.text}
                onChange={(e) => onModel(replaceEntry(model, index, { kind: 'raw', text: e.target.value }))}
              />
              <button type="button" className="link remove" aria-label="Remove raw parameter" onClick={() => onModel(removeEntry(model, index))}>
                ✕
              </button>
            </div>
          );
        }
        return null;
      })}
    </div>
  );
}
