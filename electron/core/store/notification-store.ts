import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import {
  type HandshakeKind,
  NOTIFICATION_COUNT_CAP,
  type NotificationDetail,
  type NotificationFilter,
  type NotificationPage,
  type NotificationSummary,
  type ParseStatus,
  type Verification,
} from '../../../shared/contract';
import type { NotificationFacts } from '../../../shared/notifications/notification-facts';
import { toFtsQuery } from './fts-query';
import { GroupCommitter } from './group-committer';
import { filterConditions, onlyEndpoints, where } from './notification-query';
import { type DetailRow, factColumns, type SummaryRow, summaryColumns, toDetail, toSummary } from './notification-rows';
import { notificationTerms } from './notification-terms';
import { SubscriptionStateStore } from './subscription-state-store';

/** A request as the receiver saw it, with what was derived at receipt. */
export interface IncomingNotification {
  receivedAt: number;
  /** The endpoint it arrived at (null only for rows written without one, e.g. in tests of old data). */
  endpointId: number | null;
  endpointPath: string;
  method: string;
  remoteAddress: string | null;
  headers: [string, string][];
  contentType: string | null;
  body: Uint8Array;
  parseStatus: ParseStatus;
  parseError: string | null;
  verification: Verification;
  verificationDetail?: string | null;
  /** Standard Webhooks `webhook-id`: a second notification with the same id on the same endpoint is a duplicate. */
  webhookId?: string | null;
  handshake?: HandshakeKind | null;
  /** MessageHeader.source, else who sent it (application-name, user agent, address). */
  source: string | null;
  /** null when the body is not JSON. */
  facts: NotificationFacts | null;
}

export interface StoredNotification {
  summary: NotificationSummary;
  /** A repeat of a `webhook-id` already stored: nothing new was written; `summary` is the original. */
  duplicate: boolean;
}

/** The version of the derivation whose results a row holds; 0 = not derived yet (backfill pending). */
export const FACTS_VERSION = 1;

/** How long committed rows wait for their lookup terms and FTS entry, at most (unless a query comes first). */
const INDEX_DELAY_MS = 50;

/** Text searches scan at most this many FTS hits per call, so a rare filter over a common word stays bounded. */
const TEXT_SCAN_CHUNK = 2_000;
const TEXT_SCAN_LIMIT = 100_000;
const RELEVANCE_WINDOW = 1_000;
/** A text search combined with other filters is counted among this many newest hits. */
const TEXT_COUNT_SCAN = 5_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text the FTS index gets for a body: valid UTF-8 only (a base64 blob would index noise). */
export function searchableText(body: Uint8Array): string | null {
  try {
    return utf8.decode(body);
  } catch {
    return null;
  }
}

export class NotificationStore {
  private readonly insert: StatementSync;
  private readonly insertTerm: StatementSync;
  private readonly insertFts: StatementSync;
  private readonly addCount: StatementSync;
  private readonly byWebhookId: StatementSync;
  private readonly selectSummary: StatementSync;
  private readonly committer: GroupCommitter<IncomingNotification, StoredNotification>;
  readonly subscriptions: SubscriptionStateStore;
  /** Rows committed whose lookup terms and FTS entry are still to be written (see indexPending). */
  private pendingIndex: { id: number; facts: NotificationFacts | null; body: Uint8Array }[] = [];
  private indexTimer: NodeJS.Timeout | null = null;
  private readonly markIndexed: StatementSync;
  /** The latest receipt time written: later rows never get an earlier one (see write). */
  private lastReceivedAt: number;

  constructor(private readonly db: DatabaseSync) {
    this.insert = db.prepare(`
      INSERT INTO notifications (received_at, endpoint_id, endpoint_path, method, remote_address, headers_json,
        content_type, body, size_bytes, parse_status, parse_error, verification, verification_detail, webhook_id,
        handshake, source, event, event_uri, event_label, resource_types, format, category, payload_level,
        patients_json, subscription_ref, subscription_topic, subscription_type, events_since_start, event_numbers,
        facts_json, facts_version, warnings_json, indexed)
      VALUES (:receivedAt, :endpointId, :endpointPath, :method, :remoteAddress, :headers, :contentType, :body, :size,
        :parseStatus, :parseError, :verification, :verificationDetail, :webhookId, :handshake, :source, :event,
        :eventUri, :eventLabel, :resourceTypes, :format, :category, :payloadLevel, :patients, :subscriptionRef,
        :subscriptionTopic, :subscriptionType, :eventsSinceStart, :eventNumbers, :facts, :factsVersion, :warnings, 0)`);
    this.insertTerm = db.prepare('INSERT OR IGNORE INTO notification_terms (kind, value, system, notification_id) VALUES (?, ?, ?, ?)');
    this.insertFts = db.prepare('INSERT INTO notifications_fts (rowid, body) VALUES (?, ?)');
    this.addCount = db.prepare(`
      INSERT INTO notification_counts (endpoint_id, count, bytes) VALUES (?, 1, ?)
      ON CONFLICT (endpoint_id) DO UPDATE SET count = count + 1, bytes = bytes + excluded.bytes`);
    this.byWebhookId = db.prepare('SELECT id FROM notifications WHERE endpoint_id = ? AND webhook_id = ?');
    this.selectSummary = db.prepare(`SELECT ${summaryColumns('n')} FROM notifications n WHERE n.id = ?`);
    this.subscriptions = new SubscriptionStateStore(db);
    this.markIndexed = db.prepare('UPDATE notifications SET indexed = 1 WHERE id = ? AND indexed = 0');
    this.lastReceivedAt = (db.prepare('SELECT max(received_at) AS t FROM notifications').get() as { t: number | null }).t ?? 0;
    this.committer = new GroupCommitter(db, (n) => this.write(n));
  }

  /** Resolves once the row is committed durably (synchronous=FULL), with its summary. */
  add(notification: IncomingNotification): Promise<StoredNotification> {
    return this.committer.add(notification);
  }

  /** Newest first, keyset-paged by id; see NotificationPage for how totals and text scans are bounded. */
  list(input: { limit: number; beforeId?: number; filter?: NotificationFilter; order?: 'newest' | 'relevance' }): NotificationPage {
    this.indexPending();
    const filter = input.filter ?? {};
    const fts = filter.text === undefined ? null : toFtsQuery(filter.text);
    const conditions = filterConditions(filter);
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

  /** Ids (newest first) of everything a filter matches below a cursor, in one bounded batch; for export. */
  ids(filter: NotificationFilter, beforeId: number | undefined, limit: number): { ids: number[]; nextBeforeId: number | null } {
    this.indexPending();
    const fts = filter.text === undefined ? null : toFtsQuery(filter.text);
    const { clauses, params } = filterConditions(filter);
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
   * receiver (facts, terms, FTS, counts, gap state). For imports and benchmarks; the receiver uses `add`.
   */
  importBatch(items: readonly IncomingNotification[]): StoredNotification[] {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const stored = items.map((n) => this.write(n));
      this.db.exec('COMMIT');
      this.indexPending();
      return stored;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /**
   * Writes the lookup terms and FTS entries of rows already committed. They are derived data,
   * kept out of the commit a sender waits for (a third of its cost) and written here in larger
   * batches: on a timer, and before any query, so a reader always sees its own writes. Their
   * commit uses synchronous=NORMAL: after a power loss the rows are still marked `indexed = 0`
   * and FactsBackfill writes them again at the next start.
   */
  indexPending(): void {
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    if (this.pendingIndex.length === 0 || this.db.isTransaction) return;
    const batch = this.pendingIndex;
    this.pendingIndex = [];
    this.db.exec('PRAGMA synchronous = NORMAL');
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        for (const { id, facts, body } of batch) {
          // Gone (retention) or rolled back with a failed batch: nothing to index.
          if (Number(this.markIndexed.run(id).changes) === 0) continue;
          if (facts) for (const t of notificationTerms(facts)) this.insertTerm.run(t.kind, t.value, t.system, id);
          const text = searchableText(body);
          if (text !== null) this.insertFts.run(id, text);
        }
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.db.exec('PRAGMA synchronous = FULL');
    }
  }

  /** Writes whatever is queued now and refuses more. */
  close(): void {
    this.committer.close();
    this.indexPending();
  }

  private scheduleIndex(): void {
    if (this.indexTimer) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = null;
      this.indexPending();
    }, INDEX_DELAY_MS);
    this.indexTimer.unref();
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
      const row = this.db
        .prepare('SELECT count(*) AS n FROM (SELECT rowid FROM notifications_fts WHERE notifications_fts MATCH ? LIMIT ?)')
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

  // ── Writing (inside the group commit) ─────────────────────────────────────────────────────────

  private write(n: IncomingNotification): StoredNotification {
    const webhookId = n.webhookId ?? null;
    if (webhookId !== null && n.endpointId !== null) {
      const existing = this.byWebhookId.get(n.endpointId, webhookId) as { id: number } | undefined;
      if (existing) return { summary: this.summaryOf(existing.id), duplicate: true };
    }
    // A clock stepped back (NTP) must not make ids and times disagree: time ranges rely on
    // receipt time growing with id. The clamp is at most the size of the step.
    const receivedAt = Math.max(n.receivedAt, this.lastReceivedAt);
    this.lastReceivedAt = receivedAt;
    const facts = n.facts;
    const sub = facts?.subscription ?? null;
    const warnings = sub ? this.subscriptions.apply(sub, n.endpointId, receivedAt) : [];
    const row = {
      receivedAt,
      endpointId: n.endpointId,
      endpointPath: n.endpointPath,
      method: n.method,
      remoteAddress: n.remoteAddress,
      headers: JSON.stringify(n.headers),
      contentType: n.contentType,
      body: n.body,
      size: n.body.byteLength,
      parseStatus: n.parseStatus,
      parseError: n.parseError,
      verification: n.verification,
      verificationDetail: n.verificationDetail ?? null,
      webhookId,
      handshake: n.handshake ?? null,
      source: n.source,
      ...factColumns(facts),
      factsVersion: FACTS_VERSION,
      warnings: warnings.length > 0 ? JSON.stringify(warnings) : null,
    } satisfies Record<string, SQLInputValue>;
    const id = Number(this.insert.run(row).lastInsertRowid);
    this.pendingIndex.push({ id, facts, body: n.body });
    this.scheduleIndex();
    this.addCount.run(n.endpointId ?? 0, n.body.byteLength);
    // Built from what was just written rather than read back: this runs once per request.
    const summary = toSummary({
      id,
      received_at: receivedAt,
      endpoint_id: n.endpointId,
      endpoint_path: n.endpointPath,
      size_bytes: n.body.byteLength,
      content_type: n.contentType,
      parse_status: n.parseStatus,
      verification: n.verification,
      verification_detail: n.verificationDetail ?? null,
      source: n.source,
      event: row.event,
      event_uri: row.eventUri,
      event_label: row.eventLabel,
      resource_types: row.resourceTypes,
      format: row.format,
      category: row.category,
      payload_level: row.payloadLevel,
      patients_json: row.patients,
      subscription_ref: row.subscriptionRef,
      subscription_topic: row.subscriptionTopic,
      subscription_type: row.subscriptionType,
      events_since_start: row.eventsSinceStart,
      event_numbers: row.eventNumbers,
      handshake: n.handshake ?? null,
      is_read: 0,
      starred: 0,
      note: null,
      warnings_json: row.warnings,
    });
    return { summary, duplicate: false };
  }

  private summaryOf(id: number): NotificationSummary {
    return toSummary(this.selectSummary.get(id) as unknown as SummaryRow);
  }
}
