import type {
  QueryEntriesPage,
  QueryPageSummary,
  QueryProgress,
  RunSummary,
} from '../../../shared/contract';
import type { ResultColumn } from '../../../shared/fhir/default-columns';
import type { SearchEntry, SearchPage } from '../../../shared/fhir/search-page';
import { CommandFailure } from '../command-error';
import type { EventBus } from '../events/event-bus';
import type { FhirConnectionClient, FhirHttpRequest } from '../fhir-http/fhir-connection-client';
import type { Logger } from '../logger';
import { ColumnEvaluator } from './column-evaluator';
import { curlCommand } from './curl-command';
import { toCsv, toNdjson, toSearchsetBundle } from './exporters';
import { PageCache } from './page-cache';
import type { QueryRunStore, StoredPage } from './query-run-store';
import { isUnderBase } from './same-origin';

export interface ResolvedClient {
  client: FhirConnectionClient;
  connectionName: string | null;
}

export interface QueryServiceDeps {
  runs: QueryRunStore;
  /** Throws CommandFailure('not-found') when the connection does not exist. */
  resolveClient: (connectionId: string) => Promise<ResolvedClient>;
  events: EventBus;
  now: () => number;
  log: Logger;
}

export interface ExecuteRequest {
  connectionId: string;
  resourceType: string;
  query: string;
  method: 'GET' | 'POST';
  model?: unknown;
}

const PAGE_JSON_LIMIT = 20 * 1024 * 1024;
const FORM = 'application/x-www-form-urlencoded';

const textOf = (body: Uint8Array | string | undefined): string | null =>
  body === undefined ? null : typeof body === 'string' ? body : new TextDecoder().decode(body);

function countModes(entries: readonly SearchEntry[]) {
  const counts = { match: 0, include: 0, outcome: 0, unknown: 0 };
  for (const e of entries) counts[e.searchMode]++;
  return counts;
}

/** Runs searches, keeps every page in the store, and serves the renderer windows of them. */
export class QueryService {
  private readonly cache = new PageCache();
  private readonly columns = new ColumnEvaluator();
  private readonly fetchAllJobs = new Map<number, AbortController>();

  constructor(private readonly deps: QueryServiceDeps) {}

  async execute(request: ExecuteRequest): Promise<QueryPageSummary> {
    const { client, connectionName } = await this.deps.resolveClient(request.connectionId);
    const post = request.method === 'POST';
    const relative = post ? `${request.resourceType}/_search` : `${request.resourceType}${request.query ? `?${request.query}` : ''}`;
    const http: FhirHttpRequest = post
      ? { method: 'POST', url: relative, headers: { 'Content-Type': FORM }, body: request.query }
      : { method: 'GET', url: relative };
    const runId = this.deps.runs.createRun({
      startedAt: this.deps.now(),
      connectionId: request.connectionId,
      connectionName,
      baseUrl: client.baseUrl,
      resourceType: request.resourceType,
      method: request.method,
      url: new URL(relative, client.baseUrl.endsWith('/') ? client.baseUrl : `${client.baseUrl}/`).toString(),
      query: request.query,
      model: request.model,
    });
    const started = this.deps.now();
    try {
      const summary = await this.fetchInto(runId, 0, client, http);
      this.deps.runs.finishRun(runId, {
        status: summary.status,
        durationMs: summary.durationMs,
        sizeBytes: summary.sizeBytes,
        entryCount: summary.entryCount,
        total: summary.total,
        error: summary.error,
      });
      return summary;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const durationMs = this.deps.now() - started;
      this.deps.runs.finishRun(runId, { status: null, durationMs, sizeBytes: 0, entryCount: 0, total: null, error: message });
      return this.failedSummary(runId, http, client.baseUrl, durationMs, message);
    }
  }

  page(runId: number, pageIndex: number): QueryPageSummary {
    const stored = this.storedPage(runId, pageIndex);
    return this.summarize(stored, this.parsed(stored));
  }

  async navigate(runId: number, pageIndex: number, relation: 'next' | 'previous'): Promise<QueryPageSummary> {
    const from = this.storedPage(runId, pageIndex);
    const link = this.parsed(from).links[relation];
    if (link === null) throw new CommandFailure('not-found', `Page ${pageIndex + 1} has no ${relation} link.`);
    const existing =
      this.deps.runs.pageIndexByUrl(runId, new URL(link, from.url).toString()) ??
      (relation === 'previous' ? this.pageLeadingTo(from) : null);
    if (existing !== null) return this.page(runId, existing);
    const { client } = await this.clientForRun(runId);
    this.assertUnderBase(client.baseUrl, link);
    return this.fetchInto(runId, this.deps.runs.pageCount(runId), client, { method: 'GET', url: link });
  }

  /** Starts following `next` from the last page fetched; progress arrives as `query.progress` events. */
  fetchAll(runId: number, maxPages: number, maxEntries: number): void {
    if (this.fetchAllJobs.has(runId)) throw new CommandFailure('conflict', 'This run is already fetching all pages.');
    this.storedPage(runId, 0);
    const controller = new AbortController();
    this.fetchAllJobs.set(runId, controller);
    void this.followNextLinks(runId, maxPages, maxEntries, controller.signal).finally(() => this.fetchAllJobs.delete(runId));
  }

  cancel(runId: number): boolean {
    const job = this.fetchAllJobs.get(runId);
    job?.abort();
    return job !== undefined;
  }

  /** Stops every fetch-all, for shutdown. */
  cancelAll(): void {
    for (const job of this.fetchAllJobs.values()) job.abort();
  }

  entries(runId: number, pageIndex: number, offset: number, limit: number, expressions: string[]): QueryEntriesPage {
    const page = this.parsedPage(runId, pageIndex);
    return {
      rows: page.entries.slice(offset, offset + limit).map((entry, i) => ({
        index: offset + i,
        resourceType: entry.resourceType,
        id: entry.id,
        fullUrl: entry.fullUrl,
        searchMode: entry.searchMode,
        cells: this.columns.cells(entry.resource, expressions),
      })),
      totalRows: page.entries.length,
      columnErrors: this.columns.errors(expressions),
    };
  }

  entry(runId: number, pageIndex: number, index: number) {
    const entry = this.parsedPage(runId, pageIndex).entries[index];
    if (!entry) throw new CommandFailure('not-found', `Page ${pageIndex + 1} has no entry ${index + 1}.`);
    return { fullUrl: entry.fullUrl, searchMode: entry.searchMode, json: JSON.stringify(entry.resource, null, 2) };
  }

  pageJson(runId: number, pageIndex: number) {
    const stored = this.storedPage(runId, pageIndex);
    const size = stored.body.byteLength;
    if (size > PAGE_JSON_LIMIT) {
      return { text: new TextDecoder().decode(stored.body.subarray(0, PAGE_JSON_LIMIT)), sizeBytes: size, truncated: true };
    }
    const text = new TextDecoder().decode(stored.body);
    try {
      return { text: JSON.stringify(JSON.parse(text), null, 2), sizeBytes: size, truncated: false };
    } catch {
      return { text, sizeBytes: size, truncated: false };
    }
  }

  export(runId: number, scope: 'page' | 'all', pageIndex: number, format: 'bundle' | 'ndjson' | 'csv', columns: ResultColumn[]) {
    const run = this.run(runId);
    const base = `${(run.resourceType ?? 'search').toLowerCase()}-run${runId}${scope === 'page' ? `-page${pageIndex + 1}` : '-all'}`;
    const pages = scope === 'page' ? [this.storedPage(runId, pageIndex)] : this.allPages(runId);
    const entries = pages.flatMap((p) => this.parsed(p).entries);
    if (format === 'csv') return { fileName: `${base}.csv`, mimeType: 'text/csv', content: toCsv(entries, columns, this.columns) };
    if (format === 'ndjson') return { fileName: `${base}.ndjson`, mimeType: 'application/fhir+ndjson', content: toNdjson(entries) };
    const content =
      scope === 'page' ? new TextDecoder().decode(pages[0]?.body ?? new Uint8Array()) : toSearchsetBundle(entries, this.parsed(pages[0] as StoredPage).total);
    return { fileName: `${base}.json`, mimeType: 'application/fhir+json', content };
  }

  /** With `credentialsFromEnv`, credential headers read shell variables; their values never leave the core. */
  curl(runId: number, pageIndex: number, credentialsFromEnv: boolean) {
    const stored = this.storedPage(runId, pageIndex);
    const request = { method: stored.method, url: stored.url, headers: stored.requestHeaders, body: stored.requestBody };
    return { command: curlCommand(request, { credentialsFromEnv }) };
  }

  run(runId: number): RunSummary & { model: unknown } {
    const run = this.deps.runs.run(runId);
    if (!run) throw new CommandFailure('not-found', `Run ${runId} does not exist.`);
    return run;
  }

  private async clientForRun(runId: number): Promise<ResolvedClient> {
    const run = this.run(runId);
    if (run.connectionId === null) throw new CommandFailure('not-found', 'This run has no connection to page with.');
    return this.deps.resolveClient(run.connectionId);
  }

  private assertUnderBase(baseUrl: string, link: string): void {
    if (!isUnderBase(baseUrl, link)) {
      throw new CommandFailure(
        'conflict',
        `The server's link ${link} leaves ${new URL(baseUrl).origin}; it was not followed, so the connection's credentials stay with their server.`,
      );
    }
  }

  private async followNextLinks(runId: number, maxPages: number, maxEntries: number, signal: AbortSignal): Promise<void> {
    let pageIndex = this.deps.runs.pageCount(runId) - 1;
    let entries = this.allPages(runId).reduce((n, p) => n + p.entryCount, 0);
    const progress = (done: boolean, stoppedBy: QueryProgress['stoppedBy'], error: string | null = null) =>
      this.deps.events.emit('query.progress', {
        runId,
        pagesFetched: pageIndex + 1,
        entriesFetched: entries,
        maxPages,
        maxEntries,
        done,
        stoppedBy,
        error,
      });
    try {
      const { client } = await this.clientForRun(runId);
      progress(false, null);
      for (;;) {
        if (signal.aborted) return progress(true, 'cancelled');
        if (pageIndex + 1 >= maxPages) return progress(true, 'page-limit');
        if (entries >= maxEntries) return progress(true, 'entry-limit');
        const current = this.storedPage(runId, pageIndex);
        const next = this.parsed(current).links.next;
        if (next === null) return progress(true, 'end');
        this.assertUnderBase(client.baseUrl, next);
        const summary = await this.fetchInto(runId, pageIndex + 1, client, { method: 'GET', url: next, signal });
        pageIndex = summary.pageIndex;
        entries += summary.entryCount;
        if (summary.status === null || summary.status >= 400) {
          return progress(true, 'error', `Page ${pageIndex + 1} answered ${summary.status ?? 'nothing'} ${summary.statusText}`.trim());
        }
        progress(false, null);
      }
    } catch (error) {
      if (signal.aborted) return progress(true, 'cancelled');
      this.deps.log.warn('fetch all stopped', { runId, error: error instanceof Error ? error.name : 'unknown' });
      progress(true, 'error', error instanceof Error ? error.message : String(error));
    }
  }

  private async fetchInto(runId: number, pageIndex: number, client: FhirConnectionClient, request: FhirHttpRequest): Promise<QueryPageSummary> {
    const response = await client.request(request);
    const parsed = this.cache.get(runId, pageIndex, () => response.body);
    const stored: StoredPage = {
      runId,
      pageIndex,
      fetchedAt: this.deps.now(),
      method: response.method,
      url: response.url,
      requestBody: textOf(request.body),
      status: response.status,
      statusText: response.statusText,
      durationMs: response.durationMs,
      requestHeaders: response.requestHeaders,
      responseHeaders: response.headers,
      body: response.body,
      entryCount: parsed?.entries.length ?? 0,
    };
    this.deps.runs.addPage(stored);
    return this.summarize(stored, parsed ?? this.parsed(stored));
  }

  /**
   * The page whose `next` link fetched this one: a server's `previous` link rarely repeats the
   * URL the first page was requested with, but going back should show that page, not refetch it.
   */
  private pageLeadingTo(page: StoredPage): number | null {
    for (let j = page.pageIndex - 1; j >= 0; j--) {
      const candidate = this.storedPage(page.runId, j);
      const next = this.parsed(candidate).links.next;
      if (next !== null && new URL(next, candidate.url).toString() === page.url) return j;
    }
    return null;
  }

  private storedPage(runId: number, pageIndex: number): StoredPage {
    const stored = this.deps.runs.page(runId, pageIndex);
    if (!stored) throw new CommandFailure('not-found', `Run ${runId} has no page ${pageIndex + 1}.`);
    return stored;
  }

  private allPages(runId: number): StoredPage[] {
    const count = this.deps.runs.pageCount(runId);
    return Array.from({ length: count }, (_, i) => this.storedPage(runId, i));
  }

  /**
   * The parsed page, reading the stored page only when the cache misses: every window of rows the
   * table asks for would otherwise copy the whole body (megabytes) out of SQLite just to find it parsed.
   */
  private parsedPage(runId: number, pageIndex: number): SearchPage {
    return this.cache.get(runId, pageIndex, () => this.storedPage(runId, pageIndex).body) as SearchPage;
  }

  private parsed(stored: StoredPage): SearchPage {
    return this.cache.get(stored.runId, stored.pageIndex, () => stored.body) as SearchPage;
  }

  private summarize(stored: StoredPage, page: SearchPage): QueryPageSummary {
    const isJsonError = page.error !== null && stored.status < 400;
    return {
      runId: stored.runId,
      pageIndex: stored.pageIndex,
      pageCount: this.deps.runs.pageCount(stored.runId),
      method: stored.method,
      url: stored.url,
      requestBody: stored.requestBody,
      status: stored.status,
      statusText: stored.statusText,
      durationMs: stored.durationMs,
      sizeBytes: stored.body.byteLength,
      requestHeaders: stored.requestHeaders,
      responseHeaders: stored.responseHeaders,
      bundleType: page.bundleType,
      total: page.total,
      entryCount: page.entries.length,
      searchModes: countModes(page.entries),
      links: { next: page.links.next !== null, previous: page.links.previous !== null },
      issues: page.issues,
      error: isJsonError ? page.error : stored.status >= 400 && page.issues.length === 0 ? `The server answered ${stored.status} ${stored.statusText}`.trim() : null,
    };
  }

  private failedSummary(runId: number, request: FhirHttpRequest, baseUrl: string, durationMs: number, message: string): QueryPageSummary {
    return {
      runId,
      pageIndex: 0,
      pageCount: 0,
      method: request.method,
      url: new URL(request.url, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString(),
      requestBody: textOf(request.body),
      status: null,
      statusText: '',
      durationMs,
      sizeBytes: 0,
      requestHeaders: [],
      responseHeaders: [],
      bundleType: null,
      total: null,
      entryCount: 0,
      searchModes: { match: 0, include: 0, outcome: 0, unknown: 0 },
      links: { next: false, previous: false },
      issues: [],
      error: message,
    };
  }
}
