import { useState } from 'react';
import {
  SUMMARY_MODES,
  TOTAL_MODES,
  type IncludeEntry,
  type ResultEntry,
  type SearchDefinitions,
  type SearchEntry,
  type SearchModel,
  type SortKey,
} from '../../../../shared/fhir-search';
import { insertEntry, removeEntry, replaceEntry } from './model-edits';

interface Props {
  model: SearchModel;
  definitions: SearchDefinitions;
  onModel: (model: SearchModel) => void;
}

type Kind = ResultEntry['kind'];

/** Replaces (or adds, or with `null` removes) the single result entry of a kind. */
function setResult(model: SearchModel, kind: Kind, entry: ResultEntry | null): SearchModel {
  const index = model.parameters.findIndex((e) => e.kind === kind);
  if (entry === null) return index === -1 ? model : removeEntry(model, index);
  return index === -1 ? insertEntry(model, entry) : replaceEntry(model, index, entry);
}

const find = <K extends Kind>(model: SearchModel, kind: K) =>
  model.parameters.find((e): e is Extract<SearchEntry, { kind: K }> => e.kind === kind);

/** `_include`/`_revinclude` (with `:iterate`), `_sort`, `_count`, `_summary`, `_elements`, `_total`. */
export function ResultParametersEditor({ model, definitions, onModel }: Props) {
  const type = model.resourceType ?? '';
  const includes = model.parameters.map((e, i) => [e, i] as const).filter((x): x is readonly [IncludeEntry, number] => x[0].kind === 'include');
  const sort = find(model, 'sort')?.keys ?? [];
  const count = find(model, 'count')?.count;
  const summary = find(model, 'summary')?.mode;
  const elements = find(model, 'elements')?.elements ?? [];
  const total = find(model, 'total')?.mode;
  const serverIncludes = definitions.includesOf(type);
  const includeOptions =
    serverIncludes?.include ??
    definitions
      .parametersOf(type)
      .filter((p) => p.type === 'reference' && !p.common)
      .map((p) => `${type}:${p.code}`);
  const [newInclude, setNewInclude] = useState('');
  const [reverse, setReverse] = useState(false);
  const sortable = definitions.parametersOf(type).map((p) => p.code);
  const setSort = (keys: SortKey[]) => onModel(setResult(model, 'sort', keys.length ? { kind: 'sort', keys } : null));

  return (
    <div className="result-params">
      <div className="result-row">
        <span className="label">Include</span>
        {includes.map(([entry, index]) => (
          <span key={index} className="chip">
            <code>
              _{entry.reverse ? 'revinclude' : 'include'}
              {entry.iterate ? ':iterate' : ''}={entry.sourceType}
              {entry.parameter ? `:${entry.parameter}` : ''}
              {entry.targetType ? `:${entry.targetType}` : ''}
            </code>
            <label className="inline small">
              <input type="checkbox" checked={entry.iterate} onChange={(e) => onModel(replaceEntry(model, index, { ...entry, iterate: e.target.checked }))} />
              iterate
            </label>
            <button type="button" className="link" aria-label="Remove include" onClick={() => onModel(removeEntry(model, index))}>
              ✕
            </button>
          </span>
        ))}
        <label className="inline small">
          <input type="checkbox" checked={reverse} onChange={(e) => setReverse(e.target.checked)} /> reverse
        </label>
        {reverse ? (
          <input
            aria-label="Reverse include"
            placeholder="Observation:patient"
            value={newInclude}
            onChange={(e) => setNewInclude(e.target.value)}
            list="revinclude-options"
          />
        ) : (
          <select aria-label="Include" value={newInclude} onChange={(e) => setNewInclude(e.target.value)}>
            <option value="">reference to include…</option>
            {includeOptions.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        )}
        <datalist id="revinclude-options">
          {(serverIncludes?.revinclude ?? []).map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <button
          type="button"
          className="link"
          disabled={!/^[A-Z][A-Za-z]*:[\w-]+(:[A-Z][A-Za-z]*)?$|^\*$/.test(newInclude)}
          onClick={() => {
            const [sourceType = '', parameter, targetType] = newInclude.split(':');
            onModel(insertEntry(model, { kind: 'include', reverse, iterate: false, sourceType, ...(parameter ? { parameter } : {}), ...(targetType ? { targetType } : {}) }));
            setNewInclude('');
          }}
        >
          + add
        </button>
      </div>
      <div className="result-row">
        <span className="label">Sort</span>
        {sort.map((key, i) => (
          <span key={i} className="chip">
            <code>{key.parameter}</code>
            <button type="button" className="link" onClick={() => setSort(sort.map((k, j) => (j === i ? { ...k, descending: !k.descending } : k)))}>
              {key.descending ? '↓ desc' : '↑ asc'}
            </button>
            <button type="button" className="link" aria-label={`Remove sort by ${key.parameter}`} onClick={() => setSort(sort.filter((_, j) => j !== i))}>
              ✕
            </button>
          </span>
        ))}
        <select aria-label="Sort by" value="" onChange={(e) => e.target.value && setSort([...sort, { parameter: e.target.value, descending: false }])}>
          <option value="">add sort key…</option>
          {sortable.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="result-row">
        <label className="inline">
          _count
          <input
            aria-label="_count"
            type="number"
            min={0}
            value={count ?? ''}
            onChange={(e) => onModel(setResult(model, 'count', e.target.value === '' ? null : { kind: 'count', count: Number(e.target.value) }))}
          />
        </label>
        <label className="inline">
          _summary
          <select aria-label="_summary" value={summary ?? ''} onChange={(e) => onModel(setResult(model, 'summary', e.target.value ? { kind: 'summary', mode: e.target.value as (typeof SUMMARY_MODES)[number] } : null))}>
            <option value="">—</option>
            {SUMMARY_MODES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="inline">
          _total
          <select aria-label="_total" value={total ?? ''} onChange={(e) => onModel(setResult(model, 'total', e.target.value ? { kind: 'total', mode: e.target.value as (typeof TOTAL_MODES)[number] } : null))}>
            <option value="">—</option>
            {TOTAL_MODES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="inline">
          _elements
          <input
            aria-label="_elements"
            placeholder="id,code,value"
            value={elements.join(',')}
            onChange={(e) => {
              const list = e.target.value.split(',').map((s) => s.trim()).filter(Boolean);
              onModel(setResult(model, 'elements', list.length ? { kind: 'elements', elements: list } : null));
            }}
          />
        </label>
      </div>
    </div>
  );
}
