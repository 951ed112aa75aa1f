import { operationOutcomeIssues, type OutcomeIssue, redoxIssues } from './outcome-issues';

export type SearchMode = 'match' | 'include' | 'outcome' | 'unknown';

export interface SearchEntry {
  fullUrl: string | null;
  resource: unknown;
  resourceType: string | null;
  id: string | null;
  searchMode: SearchMode;
}

export interface SearchPageLinks {
  self: string | null;
  first: string | null;
  previous: string | null;
  next: string | null;
  last: string | null;
}

/** What a search response says, read once so paging, tables and exports agree. */
export interface SearchPage {
  /** `Bundle.type`, or null when the body is not a Bundle. */
  bundleType: string | null;
  total: number | null;
  entries: SearchEntry[];
  links: SearchPageLinks;
  issues: OutcomeIssue[];
  /** Why the body could not be read as FHIR JSON, if it could not. */
  error: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

const emptyLinks = (): SearchPageLinks => ({ self: null, first: null, previous: null, next: null, last: null });

function readLinks(raw: unknown): SearchPageLinks {
  const links = emptyLinks();
  if (!Array.isArray(raw)) return links;
  for (const link of raw) {
    if (!isObject(link)) continue;
    const relation = str(link.relation);
    const url = str(link.url);
    if (url === null) continue;
    // R4 allows both `previous` and the older `prev`.
    if (relation === 'prev' || relation === 'previous') links.previous ??= url;
    else if (relation === 'self' || relation === 'first' || relation === 'next' || relation === 'last') links[relation] ??= url;
  }
  return links;
}

function readEntry(raw: unknown): SearchEntry {
  const entry = isObject(raw) ? raw : {};
  const resource = entry.resource;
  const res = isObject(resource) ? resource : {};
  const mode = isObject(entry.search) ? str(entry.search.mode) : null;
  const resourceType = str(res.resourceType);
  return {
    fullUrl: str(entry.fullUrl),
    resource: resource ?? null,
    resourceType,
    id: str(res.id),
    searchMode:
      mode === 'match' || mode === 'include' || mode === 'outcome'
        ? mode
        : resourceType === 'OperationOutcome'
          ? 'outcome'
          : 'unknown',
  };
}

/** Reads an already parsed response body. */
export function readSearchPage(body: unknown): SearchPage {
  if (!isObject(body)) {
    return { bundleType: null, total: null, entries: [], links: emptyLinks(), issues: [], error: 'The response is not a JSON object.' };
  }
  const issues = [...operationOutcomeIssues(body, 'response'), ...redoxIssues(body)];
  if (body.resourceType !== 'Bundle') {
    return {
      bundleType: null,
      total: null,
      entries: body.resourceType === 'OperationOutcome' ? [] : [readEntry({ resource: body })],
      links: emptyLinks(),
      issues,
      error: null,
    };
  }
  const entries = Array.isArray(body.entry) ? body.entry.map(readEntry) : [];
  for (const entry of entries) {
    if (entry.searchMode === 'outcome') issues.push(...operationOutcomeIssues(entry.resource, 'entry'));
  }
  return {
    bundleType: str(body.type),
    total: typeof body.total === 'number' ? body.total : null,
    entries,
    links: readLinks(body.link),
    issues,
    error: null,
  };
}

/** Parses and reads a response body given as text. */
export function parseSearchPage(text: string): SearchPage {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return {
      bundleType: null,
      total: null,
      entries: [],
      links: emptyLinks(),
      issues: [],
      error: `The response is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return readSearchPage(body);
}
