/**
 * Search model → FHIR wire text: query strings, URLs and `POST _search` form bodies.
 * Pure and total: every model serializes, and the parser reads the output back to the same model.
 */
import { escapeSearchValue, percentEncode } from './escaping';
import { type IncludeEntry, type SearchEntry, type SearchModel, type SearchParameterEntry, type SearchValue } from './search-model';

/** References keep `|` (the canonical-version separator, `url|1.0`) unescaped. */
const REFERENCE_DELIMITERS = [',', '$'] as const;

/** One OR-value in FHIR value syntax (escaped, not yet percent-encoded). */
export function formatSearchValue(value: SearchValue): string {
  const escape = (text: string) => escapeSearchValue(text);
  switch (value.kind) {
    case 'string':
      return escape(value.value);
    case 'text':
      return value.value;
    case 'token':
      return value.system === undefined ? escape(value.code) : `${escape(value.system)}|${escape(value.code)}`;
    case 'of-type':
      return `${escape(value.system)}|${escape(value.code)}|${escape(value.value)}`;
    case 'date':
    case 'number':
      return `${value.prefix ?? ''}${escape(value.value)}`;
    case 'quantity': {
      const number = `${value.prefix ?? ''}${escape(value.value)}`;
      if (value.system === undefined && value.code === undefined) return number;
      return `${number}|${escape(value.system ?? '')}|${escape(value.code ?? '')}`;
    }
    case 'reference': {
      const id = escapeSearchValue(value.id, REFERENCE_DELIMITERS);
      return value.resourceType === undefined ? id : `${value.resourceType}/${id}`;
    }
    case 'composite':
      return value.parts.map(formatSearchValue).join('$');
  }
}

/** The parameter name as written: `_has:Observation:patient:code`, `subject:Patient.name:exact`. */
export function formatParameterName(entry: Pick<SearchParameterEntry, 'name' | 'modifier' | 'chain' | 'has'>): string {
  const reverse = (entry.has ?? []).map((hop) => `_has:${hop.resourceType}:${hop.parameter}:`).join('');
  const forward = (entry.chain ?? []).map((hop) => `${hop.parameter}${hop.targetType ? `:${hop.targetType}` : ''}.`).join('');
  return `${reverse}${forward}${entry.name}${entry.modifier ? `:${entry.modifier}` : ''}`;
}

/** `Observation:performer`, `MedicationRequest:medication:Medication`, `*`. */
export function formatIncludeValue(entry: Pick<IncludeEntry, 'sourceType' | 'parameter' | 'targetType'>): string {
  return [entry.sourceType, entry.parameter, entry.parameter === undefined ? undefined : entry.targetType]
    .filter((part) => part !== undefined && part !== '')
    .join(':');
}

/** The name and value of a typed entry in FHIR syntax, before percent-encoding. */
export interface NameAndValue {
  name: string;
  value: string;
}

/** Every entry except `raw` (which is already wire text) as FHIR-syntax name and value. */
export function formatEntry(entry: Exclude<SearchEntry, { kind: 'raw' }>): NameAndValue {
  switch (entry.kind) {
    case 'search':
      return { name: formatParameterName(entry), value: entry.values.map(formatSearchValue).join(',') };
    case 'include':
      return {
        name: `${entry.reverse ? '_revinclude' : '_include'}${entry.iterate ? ':iterate' : ''}`,
        value: formatIncludeValue(entry),
      };
    case 'sort':
      return { name: '_sort', value: entry.keys.map((key) => `${key.descending ? '-' : ''}${key.parameter}`).join(',') };
    case 'count':
      return { name: '_count', value: String(entry.count) };
    case 'summary':
      return { name: '_summary', value: entry.mode };
    case 'elements':
      return { name: '_elements', value: entry.elements.join(',') };
    case 'total':
      return { name: '_total', value: entry.mode };
    case 'contained':
      return { name: '_contained', value: entry.mode };
    case 'contained-type':
      return { name: '_containedType', value: entry.mode };
  }
}

/** One `name=value` part of the query string, percent-encoded (raw entries verbatim). */
export function encodeEntry(entry: SearchEntry): string {
  if (entry.kind === 'raw') return entry.text;
  const { name, value } = formatEntry(entry);
  return `${percentEncode(name)}=${percentEncode(value)}`;
}

/** The query string without `?`: `patient=Patient/123&code=http://loinc.org|1234-5`. */
export function toQueryString(model: SearchModel): string {
  return model.parameters.map(encodeEntry).join('&');
}

/**
 * The `application/x-www-form-urlencoded` body for `POST [base]/[type]/_search`. The same text as
 * the query string: the encoding above is valid in both places.
 */
export function toFormBody(model: SearchModel): string {
  return toQueryString(model);
}

/** `Patient/123/Observation`, `Observation`, or '' for a system-level search. */
export function toResourcePath(model: Pick<SearchModel, 'resourceType' | 'compartment'>): string {
  const compartment = model.compartment ? `${model.compartment.resourceType}/${percentEncode(model.compartment.id)}` : '';
  return [compartment, model.resourceType ?? ''].filter((part) => part !== '').join('/');
}

/** Relative search: `Observation?patient=123` (no `?` when there are no parameters). */
export function toSearchPath(model: SearchModel): string {
  const query = toQueryString(model);
  return `${toResourcePath(model)}${query === '' ? '' : `?${query}`}`;
}

const joinBase = (base: string, path: string): string => {
  const trimmed = base.replace(/\/+$/, '');
  if (trimmed === '') return path;
  return path === '' || path.startsWith('?') ? `${trimmed}${path}` : `${trimmed}/${path}`;
};

/** Absolute (or base-relative) GET URL: `https://fhir.example/r4/Observation?…`. */
export function toSearchUrl(model: SearchModel, base = ''): string {
  return joinBase(base, toSearchPath(model));
}

export type SearchMethod = 'GET' | 'POST';

export interface SearchRequest {
  method: SearchMethod;
  url: string;
  /** Present for POST: the form-encoded parameters. */
  body?: string;
  /** Present for POST. */
  contentType?: 'application/x-www-form-urlencoded';
}

/**
 * The HTTP request for a search: `GET [base]/[type]?query`, or `POST [base]/[type]/_search` with
 * the parameters form-encoded in the body (what Redox requires: it keeps PHI out of URLs).
 */
export function toSearchRequest(model: SearchModel, options: { base: string; method: SearchMethod }): SearchRequest {
  if (options.method === 'GET') return { method: 'GET', url: toSearchUrl(model, options.base) };
  const path = toResourcePath(model);
  return {
    method: 'POST',
    url: joinBase(options.base, path === '' ? '_search' : `${path}/_search`),
    body: toFormBody(model),
    contentType: 'application/x-www-form-urlencoded',
  };
}
