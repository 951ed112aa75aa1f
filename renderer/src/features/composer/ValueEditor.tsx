import { SEARCH_PREFIXES, type SearchPrefix, type SearchValue } from '../../../../shared/fhir-search';

interface Props {
  value: SearchValue;
  onChange: (value: SearchValue) => void;
  /** Prefixes the parameter's type allows (empty for none). */
  prefixes: readonly SearchPrefix[];
  /** Resource types a reference may point at, for the type picker. */
  targets: readonly string[];
  label: string;
}

const PREFIX_LABELS: Record<SearchPrefix, string> = {
  eq: '= eq',
  ne: '≠ ne',
  gt: '> gt',
  lt: '< lt',
  ge: '≥ ge',
  le: '≤ le',
  sa: 'starts after',
  eb: 'ends before',
  ap: '≈ ap',
};

function PrefixSelect({ prefix, prefixes, onChange, label }: { prefix?: SearchPrefix; prefixes: readonly SearchPrefix[]; onChange: (p?: SearchPrefix) => void; label: string }) {
  if (prefixes.length === 0) return null;
  return (
    <select aria-label={`${label} prefix`} value={prefix ?? ''} onChange={(e) => onChange((e.target.value || undefined) as SearchPrefix | undefined)}>
      <option value="">(eq)</option>
      {SEARCH_PREFIXES.filter((p) => prefixes.includes(p)).map((p) => (
        <option key={p} value={p}>
          {PREFIX_LABELS[p]}
        </option>
      ))}
    </select>
  );
}

/** One OR-value, with inputs shaped by its kind: the user never types FHIR's escapes or separators. */
export function ValueEditor({ value, onChange, prefixes, targets, label }: Props) {
  switch (value.kind) {
    case 'string':
    case 'text':
      return <input aria-label={label} value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} />;
    case 'token':
      return (
        <span className="value-group">
          <input aria-label={`${label} system`} placeholder="system (optional)" value={value.system ?? ''} onChange={(e) => onChange({ ...value, system: e.target.value === '' ? undefined : e.target.value })} />
          <span className="sep">|</span>
          <input aria-label={`${label} code`} placeholder="code" value={value.code} onChange={(e) => onChange({ ...value, code: e.target.value })} />
        </span>
      );
    case 'of-type':
      return (
        <span className="value-group">
          <input aria-label={`${label} type system`} placeholder="type system" value={value.system} onChange={(e) => onChange({ ...value, system: e.target.value })} />
          <input aria-label={`${label} type code`} placeholder="type code" value={value.code} onChange={(e) => onChange({ ...value, code: e.target.value })} />
          <input aria-label={`${label} identifier`} placeholder="identifier value" value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} />
        </span>
      );
    case 'date':
      return (
        <span className="value-group">
          <PrefixSelect prefix={value.prefix} prefixes={prefixes} label={label} onChange={(prefix) => onChange({ ...value, prefix })} />
          <input aria-label={label} placeholder="2024-01-31 or 2024-01-31T10:00:00Z" value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} />
        </span>
      );
    case 'number':
      return (
        <span className="value-group">
          <PrefixSelect prefix={value.prefix} prefixes={prefixes} label={label} onChange={(prefix) => onChange({ ...value, prefix })} />
          <input aria-label={label} inputMode="decimal" value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} />
        </span>
      );
    case 'quantity':
      return (
        <span className="value-group">
          <PrefixSelect prefix={value.prefix} prefixes={prefixes} label={label} onChange={(prefix) => onChange({ ...value, prefix })} />
          <input aria-label={label} inputMode="decimal" placeholder="number" value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} />
          <input aria-label={`${label} unit system`} placeholder="unit system" value={value.system ?? ''} onChange={(e) => onChange({ ...value, system: e.target.value === '' ? undefined : e.target.value })} />
          <input aria-label={`${label} unit`} placeholder="unit code" value={value.code ?? ''} onChange={(e) => onChange({ ...value, code: e.target.value === '' ? undefined : e.target.value })} />
        </span>
      );
    case 'reference':
      return (
        <span className="value-group">
          <select aria-label={`${label} type`} value={value.resourceType ?? ''} onChange={(e) => onChange({ ...value, resourceType: e.target.value || undefined })}>
            <option value="">(any)</option>
            {targets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <span className="sep">/</span>
          <input aria-label={label} placeholder="id" value={value.id} onChange={(e) => onChange({ ...value, id: e.target.value })} />
        </span>
      );
    case 'composite':
      return (
        <span className="value-group">
          {value.parts.map((part, i) => (
            <span key={i} className="value-group">
              {i > 0 && <span className="sep">$</span>}
              <ValueEditor
                value={part}
                prefixes={prefixes}
                targets={targets}
                label={`${label} part ${i + 1}`}
                onChange={(next) => onChange({ ...value, parts: value.parts.map((p, j) => (j === i ? next : p)) })}
              />
            </span>
          ))}
        </span>
      );
  }
}
