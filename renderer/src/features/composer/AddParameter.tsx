import { useState } from 'react';
import {
  valueKindFor,
  type ChainHop,
  type ReverseChainHop,
  type SearchDefinitions,
  type SearchParameterEntry,
} from '../../../../shared/fhir-search';
import { blankValue } from './model-edits';

interface Props {
  resourceType: string;
  definitions: SearchDefinitions;
  onAdd: (entry: SearchParameterEntry) => void;
}

type Mode = 'plain' | 'chain' | 'has';

/** Resource types with a reference parameter that can point at `target`, with those parameters. */
function referrersOf(definitions: SearchDefinitions, target: string): { type: string; parameter: string }[] {
  const found: { type: string; parameter: string }[] = [];
  for (const type of definitions.resourceTypes) {
    for (const p of definitions.parametersOf(type)) {
      if (p.type === 'reference' && !p.common && (p.targets ?? []).includes(target)) found.push({ type, parameter: p.code });
    }
  }
  return found;
}

/**
 * Adds a parameter: a plain one, a chain through references (`subject:Patient.name`, any number of
 * hops) or a reverse chain (`_has:Observation:patient:code`), picked from what the types define.
 */
export function AddParameter({ resourceType, definitions, onAdd }: Props) {
  const [mode, setMode] = useState<Mode>('plain');
  const [chain, setChain] = useState<ChainHop[]>([]);
  const [has, setHas] = useState<ReverseChainHop[]>([]);
  const [finalName, setFinalName] = useState('');

  // The type the next step is chosen on: after reverse hops, their type; after forward hops, the last target.
  const currentType = (() => {
    let type = has.at(-1)?.resourceType ?? resourceType;
    for (const hop of chain) {
      const def = definitions.find(type, hop.parameter);
      type = hop.targetType ?? def?.targets?.[0] ?? type;
    }
    return type;
  })();
  const params = definitions.parametersOf(currentType);
  const references = params.filter((p) => p.type === 'reference' && (p.targets?.length ?? 0) > 0);
  const referrers = mode === 'has' ? referrersOf(definitions, has.at(-1)?.resourceType ?? resourceType) : [];

  const reset = () => {
    setChain([]);
    setHas([]);
    setFinalName('');
  };
  const add = () => {
    const def = definitions.find(currentType, finalName);
    onAdd({
      kind: 'search',
      name: finalName,
      ...(chain.length ? { chain } : {}),
      ...(has.length ? { has } : {}),
      values: [blankValue(valueKindFor(def?.type, undefined))],
    });
    reset();
  };

  return (
    <div className="add-param" aria-label="Add parameter">
      <select aria-label="Kind of parameter" value={mode} onChange={(e) => { setMode(e.target.value as Mode); reset(); }}>
        <option value="plain">Parameter</option>
        <option value="chain">Chained (through a reference)</option>
        <option value="has">Reverse chain (_has)</option>
      </select>
      {mode === 'has' && (
        <span className="chain-steps">
          {has.map((hop, i) => (
            <code key={i}>_has:{hop.resourceType}:{hop.parameter}:</code>
          ))}
          <select
            aria-label="Referring resource"
            value=""
            onChange={(e) => {
              const [type = '', parameter = ''] = e.target.value.split('|');
              if (type) setHas([...has, { resourceType: type, parameter }]);
            }}
          >
            <option value="">{has.length ? 'another _has hop…' : 'resources pointing here…'}</option>
            {referrers.map((r) => (
              <option key={`${r.type}|${r.parameter}`} value={`${r.type}|${r.parameter}`}>
                {r.type} by {r.parameter}
              </option>
            ))}
          </select>
        </span>
      )}
      {mode === 'chain' && (
        <span className="chain-steps">
          {chain.map((hop, i) => (
            <code key={i}>
              {hop.parameter}
              {hop.targetType ? `:${hop.targetType}` : ''}.
            </code>
          ))}
          <select
            aria-label="Reference to follow"
            value=""
            onChange={(e) => {
              const [parameter = '', targetType] = e.target.value.split('|');
              if (parameter) setChain([...chain, { parameter, ...(targetType ? { targetType } : {}) }]);
            }}
          >
            <option value="">{chain.length ? 'then through…' : 'through reference…'}</option>
            {references.flatMap((p) =>
              (p.targets ?? []).map((t) => (
                <option key={`${p.code}|${t}`} value={`${p.code}|${t}`}>
                  {p.code} → {t}
                </option>
              )),
            )}
          </select>
        </span>
      )}
      {(mode === 'plain' || (mode === 'chain' && chain.length > 0) || (mode === 'has' && has.length > 0)) && (
        <>
          <select aria-label="Parameter" value={finalName} onChange={(e) => setFinalName(e.target.value)}>
            <option value="">{mode === 'plain' ? 'parameter…' : `${currentType} parameter…`}</option>
            {params.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} ({p.type}){p.declared === false ? ' — not declared by server' : ''}
              </option>
            ))}
          </select>
          <button type="button" className="secondary" disabled={finalName === ''} onClick={add}>
            Add
          </button>
        </>
      )}
      {(chain.length > 0 || has.length > 0) && (
        <button type="button" className="link" onClick={reset}>
          start over
        </button>
      )}
    </div>
  );
}
