import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import {
  NOTIFICATION_COUNT_CAP,
  type NotificationDetail,
  type NotificationFilter,
  type NotificationPage,
  type NotificationSummary,
} from '../../../shared/contract';
import { toFtsQuery } from './fts-query';
import { filterConditions, onlyEndpoints, where } from './notification-query';
import { type DetailRow, type SummaryRow, summaryColumns, toDetail, toSummary } from './notification-rows';
import { InlineSink, type NotificationSink } from './notification-sink';
import type { IncomingNotification, StoredNotification } from './notification-types';
import type { SubscriptionMatch } from './subscription-match';
import { SubscriptionStateStore } from './subscription-state-store';

export type { IncomingNotification, StoredNotification } from './notification-types';

/** Text searches scan at most this many FTS hits per call, so a rare filter over a common word stays bounded. */
const TEXT_SCAN_CHUNK = 2_000;
const TEXT_SCAN_LIMIT = 100_000;
const RELEVANCE_WINDOW = 1_000;
/** A text search combined with other filters is counted among this many newest hits. */
const TEXT_COUNT_SCAN = 5_000;

/**
 * Received notifications: written through a sink (the writer thread, or a writer on this
 * connection), read here with the inbox's queries.
 */
export class NotificationStore {
  readonly subscriptions: SubscriptionStateStore;
  /** Writer and indexer on this connection, when there are no store threads (importBatch writes through it). */
  private readonly inline: InlineSink | null;
  private readonly sink: NotificationSink;

  constructor(
    private readonly db: DatabaseSync,
    /** By default an InlineSink on `db`, without retention. */
    sink: NotificationSink = new InlineSink(db),
  ) {
    this.subscriptions = new SubscriptionStateStore(db);
    this.sink = sink;
    this.inline = sink instanceof InlineSink ? sink : null;
  }

  /** Resolves once the row is committed durably (synchronous=FULL), with its summary. */
  add(notification: IncomingNotification): Promise<StoredNotification> {
    return this.sink.add(notification);
  }

  /** Starts the writer (a thread's opening indexes what a crash left unindexed). */
  open(): Promise<void> {
    return this.sink.open();
  }

  /**
   * Resolves once every row acknowledged so far has its lookup terms and FTS entry. The commands
   * await it before a query, so a search finds what was just received.
   */
  indexed(): Promise<void> {
    return this.sink.indexed();
  }

  /** Newest first, keyset-paged by id; see NotificationPage for how totals and text scans are bounded. */
  list(input: { limit: number; beforeId?: number; filter?: NotificationFilter; order?: 'newest' | 'relevance' }): NotificationPage {
    this.inline?.indexer.indexAll();
    const filter = input.filter ?? {};
    const fts = filter.text === undefined ? null : toFtsQuery(filter.text);
    const conditions = filterConditions(filter, this.subscriptionMatch(filter));
    const { total, totalKind } = this.count(filter, fts, conditions.clauses, conditions.params);
    if (fts !== null && input.order === 'relevance') {
      return { items: this.byRelevance(fts, conditions.clauses, conditions.params, input.limit), nextBeforeId: null, total, totalKind };
    }
    if (fts !== null) {
      const page = this.textRows<SummaryRow>(fts, conditions.clauses, conditions.params, input.limit, input.beforeId, summaryColumns('n'));
      return { items: page.rows.map(toSummary), nextBeforeId: page.nextBeforeId, total, totalKind };
    }
    const clauses = [...conditions.clauses];
    const params = [...conditions.params];
    if (input.beforeId !== undefined) {
      clauses.push('n.id < ?');
      params.push(input.beforeId);
    }
    const rows = this.db
      .prepare(`SELECT ${summaryColumns('n')} FROM notifications n ${where(clauses)} ORDER BY n.id DESC LIMIT ?`)
      .all(...params, input.limit + 1) as unknown as SummaryRow[];
    const page = rows.slice(0, input.limit);
    return {
      items: page.map(toSummary),
      nextBeforeId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      total,
      totalKind,
    };
  }

  /** A subscription filter matches the subscription under every reference it was sent with. */
  private subscriptionMatch(filter: NotificationFilter): SubscriptionMatch | undefined {
    return filter.subscription === undefined ? undefined : this.subscriptions.match(filter.subscription);
  }

  /** Ids (newest first) of everything a filter matches below a cursor, in one bounded batch; for export. */
  ids(filter: NotificationFilter, beforeId: number | undefined, limit: number): { ids: number[]; nextBeforeId: number | null } {
    this.inline?.indexer.indexAll();
    const fts = filter.text === undefined ? null : toFtsQuery(filter.text);
    const { clauses, params } = filterConditions(filter, this.subscriptionMatch(filter));
    if (fts !== null) {
      const page = this.textRows<{ id: number }>(fts, clauses, params, limit, beforeId, 'n.id');
      return { ids: page.rows.map((r) => r.id), nextBeforeId: page.nextBeforeId };
    }
    const all = [...clauses];
    const allParams = [...params];
    if (beforeId !== undefined) {
      all.push('n.id < ?');
      allParams.push(beforeId);
    }
    const rows = this.db
      .prepare(`SELECT n.id FROM notifications n ${where(all)} ORDER BY n.id DESC LIMIT ?`)
      .all(...allParams, limit + 1) as { id: number }[];
    const ids = rows.slice(0, limit).map((r) => r.id);
    return { ids, nextBeforeId: rows.length > limit ? (ids.at(-1) ?? null) : null };
  }

  get(id: number): NotificationDetail | null {
    const row = this.db
      .prepare(
        `SELECT ${summaryColumns('n')}, n.method, n.remote_address, n.headers_json, n.body, n.parse_error, n.facts_json, n.webhook_id
         FROM notifications n WHERE n.id = ?`,
      )
      .get(id) as unknown as DetailRow | undefined;
    return row ? toDetail(row) : null;
  }

  /** Summaries in the order of `ids` (missing ones skipped). */
  summaries(ids: readonly number[]): NotificationSummary[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT ${summaryColumns('n')} FROM notifications n WHERE n.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as unknown as SummaryRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSummary(row)] : [];
    });
  }

  /** Full rows for export, in the order of `ids`. */
  details(ids: readonly number[]): NotificationDetail[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT ${summaryColumns('n')}, n.method, n.remote_address, n.headers_json, n.body, n.parse_error, n.facts_json, n.webhook_id
         FROM notifications n WHERE n.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as unknown as DetailRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toDetail(row)] : [];
    });
  }

  mark(ids: readonly number[], change: { read?: boolean; starred?: boolean; note?: string | null }): number {
    const sets: string[] = [];
    const params: SQLInputValue[] = [];
    if (change.read !== undefined) {
      sets.push('is_read = ?');
      params.push(change.read ? 1 : 0);
    }
    if (change.starred !== undefined) {
      sets.push('starred = ?');
      params.push(change.starred ? 1 : 0);
    }
    if (change.note !== undefined) {
      sets.push('note = ?');
      params.push(change.note === null || change.note.trim() === '' ? null : change.note);
    }
    if (sets.length === 0) return 0;
    const result = this.db
      .prepare(`UPDATE notifications SET ${sets.join(', ')} WHERE id IN (SELECT value FROM json_each(?))`)
      .run(...params, JSON.stringify(ids));
    return Number(result.changes);
  }

  /**
   * Writes many notifications in one transaction, synchronously, through the same code as the
   * receiver (facts, terms, FTS, counts, gap state). For imports and benchmarks on a store without
   * a writer thread; the receiver uses `add`.
   */
  importBatch(items: readonly IncomingNotification[]): StoredNotification[] {
    if (!this.inline) throw new Error('importBatch writes on this thread; this store writes through its writer thread.');
    const stored = this.inline.writer.writeBatch(items);
    this.inline.indexer.indexAll();
    return stored;
  }

  /** Commits and indexes whatever is queued, then refuses more. */
  close(): Promise<void> {
    return this.sink.close();
  }

  // ── Counting ───────────────────────────────────────────────────────────────────────────────────

  private count(
    filter: NotificationFilter,
    fts: string | null,
    clauses: readonly string[],
    params: readonly SQLInputValue[],
  ): { total: number; totalKind: 'exact' | 'at-least' } {
    if (fts === null && onlyEndpoints(filter)) {
      // Kept exact by every insert and every retention batch: O(endpoints), not O(rows).
      const ids = filter.endpointIds;
      const row = (
        ids === undefined
          ? this.db.prepare('SELECT coalesce(sum(count), 0) AS n FROM notification_counts').get()
          : this.db
              .prepare('SELECT coalesce(sum(count), 0) AS n FROM notification_counts WHERE endpoint_id IN (SELECT value FROM json_each(?))')
              .get(JSON.stringify(ids))
      ) as { n: number };
      return { total: row.n, totalKind: 'exact' };
    }
    if (fts !== null && clauses.length === 0) {
      // Each hit is looked up in notifications (at most CAP + 1 primary-key probes): FTS entries of
      // rows retention deleted stay until the index thread purges them, and must not be counted.
      const row = this.db
        .prepare(
          `SELECT count(*) AS n FROM (
             SELECT 1 FROM notifications_fts CROSS JOIN notifications n ON n.id = notifications_fts.rowid
             WHERE notifications_fts MATCH ? LIMIT ?)`,
        )
        .get(fts, NOTIFICATION_COUNT_CAP + 1) as { n: number };
      return row.n > NOTIFICATION_COUNT_CAP ? { total: NOTIFICATION_COUNT_CAP, totalKind: 'at-least' } : { total: row.n, totalKind: 'exact' };
    }
    if (fts !== null) {
      // Counted within the newest TEXT_COUNT_SCAN hits: a lower bound when there are more.
      const row = this.db
        .prepare(
          `WITH hits AS MATERIALIZED (SELECT rowid AS id FROM notifications_fts WHERE notifications_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
           SELECT (SELECT count(*) FROM hits) AS scanned,
                  (SELECT count(*) FROM (SELECT 1 FROM hits CROSS JOIN notifications n ON n.id = hits.id ${where(clauses)} LIMIT ?)) AS n`,
        )
        .get(fts, TEXT_COUNT_SCAN, ...params, NOTIFICATION_COUNT_CAP + 1) as { scanned: number; n: number };
      const capped = row.n > NOTIFICATION_COUNT_CAP || row.scanned >= TEXT_COUNT_SCAN;
      return { total: Math.min(row.n, NOTIFICATION_COUNT_CAP), totalKind: capped ? 'at-least' : 'exact' };
    }
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM notifications n ${where(clauses)} LIMIT ?)`)
      .get(...params, NOTIFICATION_COUNT_CAP + 1) as { n: number };
    return row.n > NOTIFICATION_COUNT_CAP
      ? { total: NOTIFICATION_COUNT_CAP, totalKind: 'at-least' }
      : { total: row.n, totalKind: 'exact' };
  }

  // ── Text search: FTS first, then the other filters over a bounded set of hits (§1a) ───────────

  private textRows<R extends { id: number }>(
    fts: string,
    clauses: readonly string[],
    params: readonly SQLInputValue[],
    limit: number,
    beforeId: number | undefined,
    columns: string,
  ): { rows: R[]; nextBeforeId: number | null } {
    const hitsStatement = this.db.prepare(
      'SELECT rowid AS id FROM notifications_fts WHERE notifications_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?',
    );
    const rowsStatement = this.db.prepare(
      `SELECT ${columns} FROM notifications n WHERE n.id IN (SELECT value FROM json_each(?))${clauses.length > 0 ? ` AND ${clauses.join(' AND ')}` : ''} ORDER BY n.id DESC LIMIT ?`,
    );
    const rows: R[] = [];
    let cursor = beforeId ?? Number.MAX_SAFE_INTEGER;
    let scanned = 0;
    // Without other filters every hit is a row: fetch just one page of hits at a time.
    const chunk = clauses.length === 0 ? limit + 1 : TEXT_SCAN_CHUNK;
    for (;;) {
      const hits = (hitsStatement.all(fts, cursor, chunk) as { id: number }[]).map((h) => h.id);
      if (hits.length === 0) return { rows, nextBeforeId: null };
      rows.push(...(rowsStatement.all(JSON.stringify(hits), ...params, limit + 1 - rows.length) as unknown as R[]));
      scanned += hits.length;
      if (rows.length > limit) {
        const page = rows.slice(0, limit);
        return { rows: page, nextBeforeId: page.at(-1)?.id ?? null };
      }
      cursor = hits.at(-1) ?? cursor;
      if (hits.length < chunk) return { rows, nextBeforeId: null };
      // Bounded work per call: say where the scan stopped, and let the caller ask again.
      if (scanned >= TEXT_SCAN_LIMIT) return { rows, nextBeforeId: cursor };
    }
  }

  private byRelevance(fts: string, clauses: readonly string[], params: readonly SQLInputValue[], limit: number): NotificationSummary[] {
    // `ORDER BY rank` alone (no second key) lets FTS5 keep only the best N instead of sorting every match.
    const hits = (
      this.db
        .prepare('SELECT rowid AS id FROM notifications_fts WHERE notifications_fts MATCH ? ORDER BY rank LIMIT ?')
        .all(fts, RELEVANCE_WINDOW) as { id: number }[]
    ).map((h) => h.id);
    if (hits.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT ${summaryColumns('n')} FROM notifications n WHERE n.id IN (SELECT value FROM json_each(?))${clauses.length > 0 ? ` AND ${clauses.join(' AND ')}` : ''}`,
      )
      .all(JSON.stringify(hits), ...params) as unknown as SummaryRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return hits.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSummary(row)] : [];
    }).slice(0, limit);
  }
}
