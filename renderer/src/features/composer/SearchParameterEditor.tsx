import {
  formatParameterName,
  isModifierAllowed,
  MODIFIERS_BY_TYPE,
  PREFIXES_BY_TYPE,
  resolveParameter,
  valueKindFor,
  type SearchDefinitions,
  type SearchParameterEntry,
  type SearchValue,
} from '../../../../shared/fhir-search';
import { DateRangeHelper } from './DateRangeHelper';
import { blankValue } from './model-edits';
import { ValueEditor } from './ValueEditor';

interface Props {
  entry: SearchParameterEntry;
  resourceType: string | undefined;
  definitions: SearchDefinitions;
  onChange: (entry: SearchParameterEntry) => void;
  onRemove: () => void;
  onAnd: () => void;
  /** Replaces this entry by several (a date range becomes two). */
  onReplace: (entries: SearchParameterEntry[]) => void;
}

/** Converts a value when the modifier changes what the parameter takes (e.g. `:text` makes a token a string). */
function convert(value: SearchValue, kind: SearchValue['kind']): SearchValue {
  if (value.kind === kind) return value;
  const text = value.kind === 'token' ? value.code : 'value' in value ? String(value.value) : value.kind === 'reference' ? value.id : '';
  const blank = blankValue(kind);
  if (blank.kind === 'token') return { ...blank, code: text };
  if (blank.kind === 'reference') return { ...blank, id: text };
  if ('value' in blank) return { ...blank, value: text } as SearchValue;
  return blank;
}

export function SearchParameterEditor({ entry, resourceType, definitions, onChange, onRemove, onAnd, onReplace }: Props) {
  const resolved = resolveParameter(definitions, resourceType, entry);
  const type = resolved.definition?.type;
  const modifiers = type ? [...MODIFIERS_BY_TYPE[type], ...(type === 'reference' ? (resolved.definition?.targets ?? []) : [])] : [];
  const kind = valueKindFor(type, entry.modifier);
  const name = formatParameterName(entry);
  // Controls are labelled by the parameter without its modifier, so a label stays put when the modifier changes.
  const label = formatParameterName({ ...entry, modifier: undefined });
  const setModifier = (modifier: string | undefined) => {
    const nextKind = valueKindFor(type, modifier);
    onChange({ ...entry, modifier, values: entry.values.map((v) => convert(v, nextKind)) });
  };
  const modifierInvalid = entry.modifier !== undefined && type !== undefined && !isModifierAllowed(type, entry.modifier, definitions.isResourceType);

  return (
    <div className="param-row" data-testid="param-row" data-name={name}>
      <div className="param-name">
        <code title={type ? `${type} parameter` : 'unknown parameter: sent as typed'}>{name}</code>
        <span className="muted small">{type ?? 'unknown'}</span>
        {resolved.problems.length > 0 && (
          <span className="warn small" title={resolved.problems.map((p) => p.code).join(', ')}>
            ⚠ chain
          </span>
        )}
      </div>
      {modifiers.length > 0 && (
        <select
          aria-label={`${label} modifier`}
          className={modifierInvalid ? 'invalid' : ''}
          value={entry.modifier ?? ''}
          onChange={(e) => setModifier(e.target.value || undefined)}
        >
          <option value="">no modifier</option>
          {modifiers.map((m) => (
            <option key={m} value={m}>
              :{m}
            </option>
          ))}
        </select>
      )}
      <div className="param-values">
        {entry.values.map((value, i) => (
          <span className="or-value" key={i}>
            {i > 0 && <span className="or">or</span>}
            <ValueEditor
              value={value}
              label={`${label} value ${i + 1}`}
              prefixes={type ? PREFIXES_BY_TYPE[type] : []}
              targets={resolved.definition?.targets ?? []}
              onChange={(next) => onChange({ ...entry, values: entry.values.map((v, j) => (j === i ? next : v)) })}
            />
            {entry.values.length > 1 && (
              <button type="button" className="link" aria-label={`Remove value ${i + 1} of ${label}`} onClick={() => onChange({ ...entry, values: entry.values.filter((_, j) => j !== i) })}>
                ✕
              </button>
            )}
          </span>
        ))}
        <button type="button" className="link" onClick={() => onChange({ ...entry, values: [...entry.values, blankValue(kind)] })}>
          + or
        </button>
        <button type="button" className="link" onClick={onAnd} title="Add the same parameter again (both must match)">
          + and
        </button>
        {type === 'date' && entry.modifier === undefined && <DateRangeHelper entry={entry} onReplace={onReplace} />}
      </div>
      <button type="button" className="link remove" aria-label={`Remove ${label}`} onClick={onRemove}>
        ✕
      </button>
    </div>
  );
}
