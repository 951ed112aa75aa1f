/**
 * A search URL as a user pastes it → base, search model and whether it named the `_search`
 * endpoint. Accepts absolute URLs, relative paths (`/fhir/Observation?…`), `Type?query`, `?query`,
 * a bare query (`patient=123&code=x`) and compartment paths (`Patient/123/Observation`).
 */
import { r4SearchDefinitions } from './definitions';
import { parseQueryString, type ParseOptions } from './parse-query';
import { type SearchModel } from './search-model';

export interface ParsedSearchUrl {
  /** Everything before the resource type (no trailing `/`), e.g. `https://fhir.example/r4`; '' when none was given. */
  base: string;
  model: SearchModel;
  /** The path ended in `/_search` (a POST search URL). */
  searchEndpoint: boolean;
  /** A `#fragment` (never sent to a server), kept so nothing pasted is lost. */
  fragment?: string;
}

/** Splits `input` into path, query and fragment. */
function splitUrl(input: string): { path: string; query: string; fragment?: string } {
  const hash = input.indexOf('#');
  const withoutFragment = hash === -1 ? input : input.slice(0, hash);
  const fragment = hash === -1 ? undefined : input.slice(hash + 1);
  const question = withoutFragment.indexOf('?');
  if (question !== -1) return { path: withoutFragment.slice(0, question), query: withoutFragment.slice(question + 1), fragment };
  // No `?`: a bare query if it has `=` before any `/` (`patient=123&code=x`), else a path.
  const equals = withoutFragment.indexOf('=');
  const slash = withoutFragment.indexOf('/');
  if (equals !== -1 && (slash === -1 || equals < slash)) return { path: '', query: withoutFragment, fragment };
  return { path: withoutFragment, query: '', fragment };
}

const decodeSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

export function parseSearchUrl(input: string, options: ParseOptions = {}): ParsedSearchUrl {
  const definitions = options.definitions ?? r4SearchDefinitions();
  const { path, query, fragment } = splitUrl(input.trim());

  // Separate a scheme+authority (`https://host`) so its slashes are not taken for path segments.
  const origin = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/.exec(path)?.[0] ?? '';
  const segments = path.slice(origin.length).split('/');
  const searchEndpoint = segments.at(-1) === '_search';
  if (searchEndpoint) segments.pop();
  while (segments.length > 1 && segments.at(-1) === '') segments.pop();

  const model: SearchModel = { parameters: [] };
  const last = segments.at(-1) ?? '';
  // A lone capitalised segment (`Bogus?x=1`) is meant as a type even if unknown (a custom or
  // misspelt one, which the warnings report); deeper in a path it could be part of the base
  // (Redox's `…/Development`), so there only known types count.
  const loneType = origin === '' && segments.length === 1 && /^[A-Z][A-Za-z]*$/.test(last);
  if (loneType || definitions.isResourceType(last)) {
    model.resourceType = last;
    segments.pop();
    const id = segments.at(-1);
    const owner = segments.at(-2);
    if (id !== undefined && owner !== undefined && id !== '' && definitions.isResourceType(owner)) {
      model.compartment = { resourceType: owner, id: decodeSegment(id) };
      segments.splice(-2, 2);
    }
  }
  const base = (origin + segments.join('/')).replace(/\/+$/, '');
  model.parameters = parseQueryString(query, model.resourceType, options);
  const parsed: ParsedSearchUrl = { base, model, searchEndpoint };
  if (fragment !== undefined) parsed.fragment = fragment;
  return parsed;
}
