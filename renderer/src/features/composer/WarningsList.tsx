import { useMemo } from 'react';
import { checkSearch, type SearchDefinitions, type SearchModel } from '../../../../shared/fhir-search';

interface Props {
  model: SearchModel;
  definitions: SearchDefinitions;
  method: 'GET' | 'POST';
  redox: boolean;
}

/** Problems worth knowing before sending: undeclared parameters, US Core combinations, dates without a zone. */
export function WarningsList({ model, definitions, method, redox }: Props) {
  const warnings = useMemo(() => checkSearch(model, { definitions, method, redox }), [model, definitions, method, redox]);
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" aria-label="Warnings" data-testid="search-warnings">
      {warnings.map((w, i) => (
        <li key={`${w.code}-${i}`} className={`issue ${w.severity}`}>
          <span className="severity">{w.severity}</span>
          {w.message}
        </li>
      ))}
    </ul>
  );
}
