import { evalFhirPath, getSearchParameter, parseSearchRequest } from '@medplum/core';
import { getExtraEntries, type MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, BundleLink, Reference, Resource } from '@medplum/fhirtypes';
import { outcome } from './outcome';

/** Parameters handled here rather than passed to the repository. */
const CONTROL = new Set(['_count', '_offset', '_include', '_revinclude', '_total', '_format', '_elements', '_summary']);
/** Result parameters the repository understands itself. */
const PASS_THROUGH = new Set(['_sort', '_id', '_lastUpdated', '_tag', '_profile', '_security', '_source']);
const MAX_COUNT = 1000;
const DEFAULT_COUNT = 20;

export class SearchError extends Error {}

const baseName = (name: string) => name.split(':')[0] ?? name;

async function matchIds(repo: MemoryRepository, type: string, query: URLSearchParams): Promise<string[]> {
  const found = await repo.searchResources(parseSearchRequest(`${type}?${query.toString()}&_count=100000`));
  return found.map((r) => r.id ?? '');
}

/** The types a reference search parameter may point to (from its definition, or the `:Type` modifier). */
function targetTypes(type: string, param: string, modifier: string | undefined): string[] {
  if (modifier) return [modifier];
  return getSearchParameter(type, param)?.target ?? [];
}

/**
 * Rewrites what MemoryRepository cannot do into what it can (one level deep, as the tests use it):
 * chains `subject:Patient.name=x` / `patient.identifier=s|v` become `subject=Patient/a,Patient/b`;
 * `_has:Observation:patient:code=c` becomes `_id=…`. Unknown parameters are dropped and reported,
 * as FHIR allows (`handling=lenient`). Returns null when a rewrite shows nothing can match.
 */
async function rewrite(
  repo: MemoryRepository,
  type: string,
  params: URLSearchParams,
): Promise<{ query: URLSearchParams; applied: URLSearchParams; ignored: string[] } | null> {
  const query = new URLSearchParams();
  const applied = new URLSearchParams();
  const ignored: string[] = [];
  for (const [name, value] of params) {
    if (CONTROL.has(baseName(name))) continue;
    if (name.startsWith('_has:')) {
      const [, targetType, refParam, ...rest] = name.split(':');
      const inner = rest.join(':');
      if (!targetType || !refParam || !inner || !getSearchParameter(targetType, refParam)) {
        ignored.push(name);
        continue;
      }
      const referrers = await repo.searchResources(
        parseSearchRequest(`${targetType}?${new URLSearchParams([[inner, value]]).toString()}&_count=100000`),
      );
      const expression = getSearchParameter(targetType, refParam)?.expression ?? '';
      const ids = new Set<string>();
      for (const r of referrers) {
        for (const ref of evalFhirPath(expression, r) as Reference[]) {
          const m = /^([A-Za-z]+)\/([^/]+)$/.exec(ref?.reference ?? '');
          if (m && m[1] === type && m[2]) ids.add(m[2]);
        }
      }
      if (ids.size === 0) return null;
      query.append('_id', [...ids].join(','));
      applied.append(name, value);
      continue;
    }
    const dot = name.indexOf('.');
    if (dot > 0) {
      const [param, modifier] = name.slice(0, dot).split(':');
      const rest = name.slice(dot + 1);
      if (!param) {
        ignored.push(name);
        continue;
      }
      const targets = targetTypes(type, param, modifier).filter((t) => getSearchParameter(t, baseName(rest)));
      if (targets.length === 0) {
        ignored.push(name);
        continue;
      }
      const refs: string[] = [];
      for (const t of targets) {
        for (const id of await matchIds(repo, t, new URLSearchParams([[rest, value]]))) refs.push(`${t}/${id}`);
      }
      if (refs.length === 0) return null;
      query.append(param, refs.join(','));
      applied.append(name, value);
      continue;
    }
    if (PASS_THROUGH.has(baseName(name)) || getSearchParameter(type, baseName(name))) {
      query.append(name, value);
      applied.append(name, value);
    } else {
      ignored.push(name);
    }
  }
  return { query, applied, ignored };
}

function count(params: URLSearchParams): number {
  const raw = params.get('_count');
  if (raw === null) return DEFAULT_COUNT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new SearchError(`_count must be a non-negative integer (got ${raw}).`);
  return Math.min(n, MAX_COUNT);
}

function offset(params: URLSearchParams): number {
  const raw = params.get('_offset');
  if (raw === null) return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new SearchError(`_offset must be a non-negative integer (got ${raw}).`);
  return n;
}

/** A FHIR searchset: paging with self/next/previous links, fullUrl and search.mode on every entry. */
export async function search(repo: MemoryRepository, baseUrl: string, type: string, params: URLSearchParams): Promise<Bundle> {
  const pageSize = count(params);
  const start = offset(params);
  const rewritten = await rewrite(repo, type, params);
  const matches: Resource[] = rewritten
    ? await repo.searchResources(parseSearchRequest(`${type}?${rewritten.query.toString()}&_count=100000`))
    : [];
  const page = matches.slice(start, start + pageSize);

  const link = (relation: string, at: number): BundleLink => {
    const q = new URLSearchParams(rewritten?.applied ?? []);
    for (const name of ['_include', '_revinclude', '_sort']) for (const v of params.getAll(name)) if (!q.has(name, v)) q.append(name, v);
    q.set('_count', String(pageSize));
    q.set('_offset', String(at));
    return { relation, url: `${baseUrl}/${type}?${q.toString()}` };
  };
  const links: BundleLink[] = [link('self', start)];
  if (start + pageSize < matches.length && pageSize > 0) links.push(link('next', start + pageSize));
  if (start > 0) links.push(link('previous', Math.max(0, start - pageSize)));

  const entries: BundleEntry[] = page.map((resource) => ({
    fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`,
    resource,
    search: { mode: 'match' },
  }));
  if (params.has('_include') || params.has('_revinclude')) {
    const includeQuery = new URLSearchParams();
    for (const name of ['_include', '_revinclude']) for (const v of params.getAll(name)) includeQuery.append(name, v);
    const extra: BundleEntry[] = [];
    await getExtraEntries(repo, parseSearchRequest(`${type}?${includeQuery.toString()}`), page, extra);
    const seen = new Set(entries.map((e) => e.fullUrl));
    for (const e of extra) {
      const fullUrl = `${baseUrl}/${e.resource?.resourceType}/${e.resource?.id}`;
      if (seen.has(fullUrl)) continue;
      seen.add(fullUrl);
      entries.push({ fullUrl, resource: e.resource, search: { mode: 'include' } });
    }
  }
  // A partial failure, the FHIR way: 200 with an OperationOutcome entry saying what was not applied.
  if (rewritten && rewritten.ignored.length > 0) {
    entries.push({
      resource: outcome('warning', 'not-supported', `Search parameter(s) not supported and ignored: ${rewritten.ignored.join(', ')}`),
      search: { mode: 'outcome' },
    });
  }
  return { resourceType: 'Bundle', type: 'searchset', total: matches.length, link: links, entry: entries };
}
