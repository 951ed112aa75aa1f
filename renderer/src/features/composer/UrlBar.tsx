import { useState } from 'react';
import { parseSearchUrl, toQueryString, type SearchDefinitions, type SearchModel } from '../../../../shared/fhir-search';

interface Props {
  baseUrl: string | null;
  model: SearchModel;
  method: 'GET' | 'POST';
  definitions: SearchDefinitions;
  onModel: (model: SearchModel) => void;
  onMethod: (method: 'GET' | 'POST') => void;
}

/** Shows the URL the form builds; a URL typed or pasted here fills the form (unknown parts kept raw). */
export function UrlBar({ baseUrl, model, method, definitions, onModel, onMethod }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const query = toQueryString(model);
  const path = model.resourceType ?? '';
  const shown = `${path}${method === 'POST' ? '/_search' : ''}${query ? `?${query}` : ''}`;
  return (
    <div className="url-bar">
      <span className="url-base" title={baseUrl ?? 'Choose a connection'}>
        {baseUrl ? `${baseUrl.replace(/\/$/, '')}/` : '[base]/'}
      </span>
      <input
        aria-label="Search URL"
        className="mono"
        spellCheck={false}
        value={draft ?? shown}
        onFocus={() => setDraft(shown)}
        onBlur={() => setDraft(null)}
        onChange={(e) => {
          setDraft(e.target.value);
          const parsed = parseSearchUrl(e.target.value, { definitions });
          onModel(parsed.model.resourceType ? parsed.model : { ...parsed.model, resourceType: model.resourceType });
          if (parsed.searchEndpoint) onMethod('POST');
        }}
      />
    </div>
  );
}
