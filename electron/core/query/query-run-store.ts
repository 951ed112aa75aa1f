import type { DatabaseSync } from 'node:sqlite';
import type { RunSummary } from '../../../shared/contract';

export interface NewRun {
  startedAt: number;
  connectionId: string | null;
  connectionName: string | null;
  baseUrl: string;
  resourceType: string | null;
  method: string;
  url: string;
  query: string;
  model: unknown;
}

export interface StoredPage {
  runId: number;
  pageIndex: number;
  fetchedAt: number;
  method: string;
  url: string;
  requestBody: string | null;
  status: number;
  statusText: string;
  durationMs: number;
  requestHeaders: [string, string][];
  responseHeaders: [string, string][];
  body: Uint8Array;
  entryCount: number;
}

interface RunRow {
  id: number;
  started_at: number;
  connection_id: string | null;
  connection_name: string | null;
  resource_type: string | null;
  method: string;
  url: string;
  query: string;
  model_json: string | null;
  status: number | null;
  duration_ms: number | null;
  size_bytes: number | null;
  entry_count: number | null;
  total: number | null;
  error: string | null;
  page_count: number;
}

interface PageRow {
  run_id: number;
  page_index: number;
  fetched_at: number;
  method: string;
  url: string;
  status: number;
  duration_ms: number;
  request_headers_json: string;
  response_headers_json: string;
  body: Uint8Array;
  entry_count: number;
}

/** Request metadata that is not a column of its own travels in the request-headers JSON. */
interface RequestMeta {
  headers: [string, string][];
  body: string | null;
  statusText: string;
}

const RUN_COLUMNS = `r.id, r.started_at, r.connection_id, r.connection_name, r.resource_type, r.method, r.url, r.query,
  r.model_json, r.status, r.duration_ms, r.size_bytes, r.entry_count, r.total, r.error,
  (SELECT count(*) FROM query_pages p WHERE p.run_id = r.id) AS page_count`;

export type HistoryStatus = 'success' | 'client-error' | 'server-error' | 'failed';

const STATUS_FILTER: Record<HistoryStatus, string> = {
  success: 'r.status BETWEEN 200 AND 299',
  'client-error': 'r.status BETWEEN 400 AND 499',
  'server-error': 'r.status >= 500',
  failed: 'r.status IS NULL',
};

function toSummary(row: RunRow): RunSummary {
  return {
    runId: row.id,
    startedAt: new Date(row.started_at).toISOString(),
    connectionId: row.connection_id,
    connectionName: row.connection_name,
    resourceType: row.resource_type,
    method: row.method,
    query: row.query,
    url: row.url,
    status: row.status,
    durationMs: row.duration_ms,
    sizeBytes: row.size_bytes,
    entryCount: row.entry_count,
    total: row.total,
    error: row.error,
    pageCount: row.page_count,
  };
}

/** Every search run (the history) and every page it fetched, kept whole so nothing large crosses to the renderer. */
export class QueryRunStore {
  constructor(private readonly db: DatabaseSync) {}

  createRun(run: NewRun): number {
    const result = this.db
      .prepare(
        `INSERT INTO query_runs (started_at, connection_id, connection_name, base_url, resource_type, method, url, query, model_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.startedAt,
        run.connectionId,
        run.connectionName,
        run.baseUrl,
        run.resourceType,
        run.method,
        run.url,
        run.query,
        run.model === undefined ? null : JSON.stringify(run.model),
      );
    return Number(result.lastInsertRowid);
  }

  /** Records the outcome of the run's first request (what history lists). */
  finishRun(runId: number, outcome: { status: number | null; durationMs: number; sizeBytes: number; entryCount: number; total: number | null; error: string | null }): void {
    this.db
      .prepare('UPDATE query_runs SET status = ?, duration_ms = ?, size_bytes = ?, entry_count = ?, total = ?, error = ? WHERE id = ?')
      .run(outcome.status, outcome.durationMs, outcome.sizeBytes, outcome.entryCount, outcome.total, outcome.error, runId);
  }

  addPage(page: StoredPage): void {
    const meta: RequestMeta = { headers: page.requestHeaders, body: page.requestBody, statusText: page.statusText };
    this.db
      .prepare(
        `INSERT INTO query_pages (run_id, page_index, fetched_at, method, url, status, duration_ms, request_headers_json,
           response_headers_json, body, entry_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        page.runId,
        page.pageIndex,
        page.fetchedAt,
        page.method,
        page.url,
        page.status,
        page.durationMs,
        JSON.stringify(meta),
        JSON.stringify(page.responseHeaders),
        page.body,
        page.entryCount,
      );
  }

  run(runId: number): (RunSummary & { model: unknown }) | null {
    const row = this.db.prepare(`SELECT ${RUN_COLUMNS} FROM query_runs r WHERE r.id = ?`).get(runId) as RunRow | undefined;
    if (!row) return null;
    return { ...toSummary(row), model: row.model_json === null ? null : (JSON.parse(row.model_json) as unknown) };
  }

  page(runId: number, pageIndex: number): StoredPage | null {
    const row = this.db.prepare('SELECT * FROM query_pages WHERE run_id = ? AND page_index = ?').get(runId, pageIndex) as
      | PageRow
      | undefined;
    if (!row) return null;
    const meta = JSON.parse(row.request_headers_json) as RequestMeta;
    return {
      runId: row.run_id,
      pageIndex: row.page_index,
      fetchedAt: row.fetched_at,
      method: row.method,
      url: row.url,
      requestBody: meta.body,
      status: row.status,
      statusText: meta.statusText,
      durationMs: row.duration_ms,
      requestHeaders: meta.headers,
      responseHeaders: JSON.parse(row.response_headers_json) as [string, string][],
      body: row.body,
      entryCount: row.entry_count,
    };
  }

  pageCount(runId: number): number {
    return (this.db.prepare('SELECT count(*) AS n FROM query_pages WHERE run_id = ?').get(runId) as { n: number }).n;
  }

  /** The page fetched from exactly this URL in this run, if any (so paging back and forth reuses pages). */
  pageIndexByUrl(runId: number, url: string): number | null {
    const row = this.db.prepare('SELECT page_index FROM query_pages WHERE run_id = ? AND url = ? ORDER BY page_index LIMIT 1').get(runId, url) as
      | { page_index: number }
      | undefined;
    return row?.page_index ?? null;
  }

  list(filter: { text?: string; resourceType?: string; status?: HistoryStatus; limit: number; beforeId?: number }): {
    items: RunSummary[];
    nextBeforeId: number | null;
  } {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.beforeId !== undefined) {
      where.push('r.id < ?');
      params.push(filter.beforeId);
    }
    if (filter.text) {
      where.push("(r.url LIKE ? ESCAPE '\\' OR r.query LIKE ? ESCAPE '\\')");
      const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(pattern, pattern);
    }
    if (filter.resourceType) {
      where.push('r.resource_type = ?');
      params.push(filter.resourceType);
    }
    if (filter.status) where.push(STATUS_FILTER[filter.status]);
    const sql = `SELECT ${RUN_COLUMNS} FROM query_runs r ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, filter.limit + 1) as unknown as RunRow[];
    const page = rows.slice(0, filter.limit);
    return { items: page.map(toSummary), nextBeforeId: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null };
  }
}
