import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { WritebackAcceptance, WritebackDetail, WritebackFilter, WritebackStatus, WritebackSummary } from '../../../shared/contract';
import {
  SUMMARY_COLUMNS,
  toDetail,
  toSummary,
  type AttemptRow,
  type SummaryRow,
  type TimelineRow,
  type WritebackRow,
} from './writeback-rows';

export type NewWriteback = Omit<
  WritebackRow,
  'id' | 'updated_at' | 'status' | 'acceptance' | 'attempt_count' | 'next_attempt_at' | 'last_result' | 'last_error' | 'cancel_requested'
>;

/** What the queue needs to send one writeback. */
export type QueuedWriteback = Pick<
  WritebackRow,
  | 'id'
  | 'status'
  | 'transport'
  | 'queue_key'
  | 'control_id'
  | 'destination_json'
  | 'message_text'
  | 'message_method'
  | 'message_path'
  | 'lineage_json'
  | 'attempt_count'
  | 'max_attempts'
  | 'next_attempt_at'
  | 'cancel_requested'
>;

/** How an attempt ended, as the store records it. */
export interface AttemptResult {
  outcome: AttemptRow['outcome'];
  finishedAt: number;
  durationMs: number;
  bytesOut: number;
  bytesIn: number;
  error: string | null;
  ackText: string | null;
  ackJson: string | null;
  httpJson: string | null;
  responseBody: string | null;
}

/** The writeback's next state after an attempt (decided by `settle`). */
export interface Settlement {
  status: WritebackStatus;
  acceptance: WritebackAcceptance | null;
  nextAttemptAt: number | null;
  lastResult: string | null;
  lastError: string | null;
  detail: string;
}

export const OPEN_STATUSES: readonly WritebackStatus[] = ['queued', 'sending', 'retrying'];
const OPEN_SQL = "('queued', 'sending', 'retrying')";

export class WritebackNotFoundError extends Error {}

/**
 * Writebacks, attempts and timelines. Every state change is one transaction; with the database's
 * synchronous=FULL, a change has reached the disk when the method returns.
 */
export class WritebackStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number,
  ) {}

  private tx<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private timeline(id: number, at: number, status: WritebackStatus, detail: string | null, attempt: number | null): void {
    this.db
      .prepare('INSERT INTO writeback_timeline (writeback_id, at, status, detail, attempt) VALUES (?, ?, ?, ?, ?)')
      .run(id, at, status, detail, attempt);
  }

  controlIdExists(controlId: string): boolean {
    return this.db.prepare('SELECT 1 FROM writebacks WHERE control_id = ?').get(controlId) !== undefined;
  }

  insert(w: NewWriteback): number {
    return this.tx(() => {
      const cols = Object.keys(w) as (keyof NewWriteback)[];
      const result = this.db
        .prepare(
          `INSERT INTO writebacks (${cols.join(', ')}, updated_at, status) VALUES (${cols.map(() => '?').join(', ')}, ?, 'queued')`,
        )
        .run(...cols.map((c) => w[c] as SQLInputValue), w.created_at);
      const id = Number(result.lastInsertRowid);
      this.timeline(id, w.created_at, 'queued', w.resend_of === null ? null : `resend of writeback ${w.resend_of}`, null);
      return id;
    });
  }

  row(id: number): WritebackRow | null {
    return (this.db.prepare('SELECT * FROM writebacks WHERE id = ?').get(id) as WritebackRow | undefined) ?? null;
  }

  private resentAs(id: number): number[] {
    return (this.db.prepare('SELECT id FROM writebacks WHERE resend_of = ? ORDER BY id').all(id) as { id: number }[]).map((r) => r.id);
  }

  summary(id: number): WritebackSummary | null {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM writebacks WHERE id = ?`).get(id) as SummaryRow | undefined;
    return row ? toSummary(row, this.resentAs(id)) : null;
  }

  detail(id: number): WritebackDetail | null {
    const row = this.row(id);
    if (!row) return null;
    const attempts = this.db
      .prepare('SELECT * FROM writeback_attempts WHERE writeback_id = ? ORDER BY number')
      .all(id) as unknown as AttemptRow[];
    const timeline = this.db
      .prepare('SELECT at, status, detail, attempt FROM writeback_timeline WHERE writeback_id = ? ORDER BY id')
      .all(id) as unknown as TimelineRow[];
    return toDetail(row, this.resentAs(id), attempts, timeline);
  }

  /** Keyset page, newest first. */
  list(filter: WritebackFilter, limit: number, beforeId?: number): { items: WritebackSummary[]; nextBeforeId: number | null; total: number } {
    const { where, params } = filterSql(filter);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM writebacks ${where}`).get(...params) as { n: number }).n;
    const page = beforeId === undefined ? where : `${where ? `${where} AND` : 'WHERE'} id < ?`;
    const pageParams = beforeId === undefined ? params : [...params, beforeId];
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM writebacks ${page} ORDER BY id DESC LIMIT ?`)
      .all(...pageParams, limit + 1) as unknown as SummaryRow[];
    const items = rows.slice(0, limit).map((r) => toSummary(r, this.resentAs(r.id)));
    const last = items[items.length - 1];
    return { items, nextBeforeId: rows.length > limit && last ? last.id : null, total };
  }

  /** Ids matching a filter (newest first), for export. */
  ids(filter: WritebackFilter, limit: number, beforeId?: number): number[] {
    const { where, params } = filterSql(filter);
    const page = beforeId === undefined ? where : `${where ? `${where} AND` : 'WHERE'} id < ?`;
    const pageParams = beforeId === undefined ? params : [...params, beforeId];
    return (this.db.prepare(`SELECT id FROM writebacks ${page} ORDER BY id DESC LIMIT ?`).all(...pageParams, limit) as { id: number }[]).map(
      (r) => r.id,
    );
  }

  // --- the queue's side -----------------------------------------------------------------------

  /** Queue keys with something still to send. */
  openKeys(): string[] {
    return (this.db.prepare(`SELECT DISTINCT queue_key FROM writebacks WHERE status IN ${OPEN_SQL}`).all() as { queue_key: string }[]).map(
      (r) => r.queue_key,
    );
  }

  /** The first open writeback of a key: delivery is in id order, one at a time. */
  head(key: string): QueuedWriteback | null {
    return (
      (this.db
        .prepare(
          `SELECT id, status, transport, queue_key, control_id, destination_json, message_text, message_method, message_path, lineage_json,
                  attempt_count, max_attempts, next_attempt_at, cancel_requested
           FROM writebacks WHERE queue_key = ? AND status IN ${OPEN_SQL} ORDER BY id LIMIT 1`,
        )
        .get(key) as QueuedWriteback | undefined) ?? null
    );
  }

  /**
   * Records the attempt (outcome `pending`) and moves the writeback to `sending`, durably, before
   * any byte goes out: after a crash, a `pending` attempt says the message may have reached the
   * receiver, and the next attempt reuses the control id.
   */
  beginAttempt(id: number, bytesOut: number): number {
    return this.tx(() => this.begin(id, bytesOut, this.now()));
  }

  private begin(id: number, bytesOut: number, at: number): number {
    const row = this.db.prepare('SELECT attempt_count, max_attempts, status FROM writebacks WHERE id = ?').get(id) as
      | { attempt_count: number; max_attempts: number; status: WritebackStatus }
      | undefined;
    if (!row || !OPEN_STATUSES.includes(row.status)) throw new WritebackNotFoundError(`Writeback ${id} is not open.`);
    const number = row.attempt_count + 1;
    this.db
      .prepare(
        "UPDATE writeback_attempts SET outcome = 'interrupted', finished_at = ?, error = 'its result could not be recorded' WHERE writeback_id = ? AND outcome = 'pending'",
      )
      .run(at, id);
    this.db
      .prepare("UPDATE writebacks SET status = 'sending', attempt_count = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ?")
      .run(number, at, id);
    this.db
      .prepare("INSERT INTO writeback_attempts (writeback_id, number, started_at, outcome, bytes_out) VALUES (?, ?, ?, 'pending', ?)")
      .run(id, number, at, bytesOut);
    this.timeline(id, at, 'sending', `attempt ${number} of ${row.max_attempts}`, number);
    return number;
  }

  /**
   * Settles an attempt; with `next`, also begins the key's next due writeback in the same commit
   * (one fsync fewer per message while a queue drains; the next attempt is still on disk before
   * its bytes go out).
   */
  finishAttempt(
    id: number,
    number: number,
    result: AttemptResult,
    settlement: Settlement,
    next?: { queueKey: string; plannedBytes: (w: QueuedWriteback) => number },
  ): { writeback: QueuedWriteback; number: number } | null {
    return this.tx(() => {
      this.db
        .prepare(
          `UPDATE writeback_attempts SET finished_at = ?, duration_ms = ?, outcome = ?, bytes_out = ?, bytes_in = ?, error = ?,
             ack_text = ?, ack_json = ?, http_json = ?, response_body = ?
           WHERE writeback_id = ? AND number = ?`,
        )
        .run(
          result.finishedAt,
          result.durationMs,
          result.outcome,
          result.bytesOut,
          result.bytesIn,
          result.error,
          result.ackText,
          result.ackJson,
          result.httpJson,
          result.responseBody,
          id,
          number,
        );
      this.db
        .prepare(
          `UPDATE writebacks SET status = ?, acceptance = ?, next_attempt_at = ?, last_result = ?, last_error = ?, updated_at = ?,
             max_attempts = CASE WHEN ? = 'retrying' AND attempt_count >= max_attempts THEN attempt_count + 1 ELSE max_attempts END
           WHERE id = ?`,
        )
        .run(
          settlement.status,
          settlement.acceptance,
          settlement.nextAttemptAt,
          settlement.lastResult,
          settlement.lastError,
          result.finishedAt,
          settlement.status,
          id,
        );
      this.timeline(id, result.finishedAt, settlement.status, settlement.detail, number);
      if (!next) return null;
      const head = this.head(next.queueKey);
      if (!head || (head.status === 'retrying' && head.next_attempt_at !== null && head.next_attempt_at > result.finishedAt)) return null;
      const begun = this.begin(head.id, next.plannedBytes(head), result.finishedAt);
      return { writeback: { ...head, status: 'sending', attempt_count: begun }, number: begun };
    });
  }

  /** The cancel flag, read again after an attempt (the user may have pressed cancel meanwhile). */
  cancelRequested(id: number): boolean {
    const row = this.db.prepare('SELECT cancel_requested FROM writebacks WHERE id = ?').get(id) as { cancel_requested: number } | undefined;
    return row?.cancel_requested === 1;
  }

  /**
   * After a crash or an unclean stop: attempts left `pending` become `interrupted` and their
   * writebacks are due at once, with the same control id (the receiver may have it already and
   * deduplicates on MSH-10). An interrupted attempt never uses up the last of the budget.
   */
  recoverInterrupted(reason: string): number[] {
    const at = this.now();
    return this.tx(() => {
      const rows = this.db.prepare("SELECT id, attempt_count, max_attempts FROM writebacks WHERE status = 'sending'").all() as {
        id: number;
        attempt_count: number;
        max_attempts: number;
      }[];
      for (const r of rows) {
        this.db
          .prepare(
            "UPDATE writeback_attempts SET outcome = 'interrupted', finished_at = ?, error = ? WHERE writeback_id = ? AND outcome = 'pending'",
          )
          .run(at, reason, r.id);
        this.db
          .prepare(
            "UPDATE writebacks SET status = 'retrying', next_attempt_at = ?, max_attempts = max(max_attempts, attempt_count + 1), last_error = ?, updated_at = ? WHERE id = ?",
          )
          .run(at, reason, at, r.id);
        this.timeline(r.id, at, 'retrying', `${reason}; sending again with the same control id`, r.attempt_count || null);
      }
      return rows.map((r) => r.id);
    });
  }

  /** Cancel: at once when nothing is in flight; else flag it and let the attempt settle. */
  cancel(id: number): 'cancelled' | 'flagged' | 'final' {
    const at = this.now();
    return this.tx(() => {
      const row = this.db.prepare('SELECT status FROM writebacks WHERE id = ?').get(id) as { status: WritebackStatus } | undefined;
      if (!row) throw new WritebackNotFoundError(`Writeback ${id} does not exist.`);
      if (row.status === 'queued' || row.status === 'retrying') {
        this.db
          .prepare("UPDATE writebacks SET status = 'cancelled', cancel_requested = 1, next_attempt_at = NULL, updated_at = ? WHERE id = ?")
          .run(at, id);
        this.timeline(id, at, 'cancelled', 'cancelled by the user', null);
        return 'cancelled';
      }
      if (row.status === 'sending') {
        this.db.prepare('UPDATE writebacks SET cancel_requested = 1, updated_at = ? WHERE id = ?').run(at, id);
        this.timeline(id, at, 'sending', 'cancel requested; the attempt in flight settles by its answer', null);
        return 'flagged';
      }
      return 'final';
    });
  }

  /**
   * Retry now: a waiting writeback is due at once; a given-up or cancelled one is reopened with the
   * same control id and a fresh budget of `extraAttempts`.
   */
  retryNow(id: number, extraAttempts: number): 'due' | 'reopened' | 'sending' | 'not-retryable' {
    const at = this.now();
    return this.tx(() => {
      const row = this.db.prepare('SELECT status, attempt_count FROM writebacks WHERE id = ?').get(id) as
        | { status: WritebackStatus; attempt_count: number }
        | undefined;
      if (!row) throw new WritebackNotFoundError(`Writeback ${id} does not exist.`);
      if (row.status === 'sending') return 'sending';
      if (row.status === 'queued' || row.status === 'retrying') {
        this.db.prepare('UPDATE writebacks SET next_attempt_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
        this.timeline(id, at, row.status, 'retry now', null);
        return 'due';
      }
      if (row.status === 'given-up' || row.status === 'cancelled') {
        this.db
          .prepare(
            "UPDATE writebacks SET status = 'retrying', cancel_requested = 0, next_attempt_at = ?, max_attempts = attempt_count + ?, updated_at = ? WHERE id = ?",
          )
          .run(at, extraAttempts, at, id);
        this.timeline(id, at, 'retrying', `retry now (same control id), up to ${extraAttempts} more attempt(s)`, null);
        return 'reopened';
      }
      return 'not-retryable';
    });
  }

  // --- the lease: one process runs the queue of a data folder ----------------------------------

  /** Takes or renews the lease; true when this owner holds it afterwards. */
  acquireLease(owner: string, pid: number, host: string, staleMs: number, isDead: (pid: number) => boolean): boolean {
    const at = this.now();
    return this.tx(() => {
      const row = this.db.prepare('SELECT owner, pid, host, heartbeat_at FROM writeback_queue_lease WHERE id = 1').get() as
        | { owner: string; pid: number; host: string; heartbeat_at: number }
        | undefined;
      const free =
        !row || row.owner === owner || at - row.heartbeat_at > staleMs || (row.host === host && row.pid !== pid && isDead(row.pid));
      if (!free) return false;
      this.db
        .prepare(
          'INSERT INTO writeback_queue_lease (id, owner, pid, host, heartbeat_at) VALUES (1, ?, ?, ?, ?) ' +
            'ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, host = excluded.host, heartbeat_at = excluded.heartbeat_at',
        )
        .run(owner, pid, host, at);
      return true;
    });
  }

  releaseLease(owner: string): void {
    this.db.prepare('DELETE FROM writeback_queue_lease WHERE id = 1 AND owner = ?').run(owner);
  }
}

function filterSql(filter: WritebackFilter): { where: string; params: SQLInputValue[] } {
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (filter.patient) {
    clauses.push("patient_text LIKE ? ESCAPE '\\'");
    params.push(like(filter.patient));
  }
  if (filter.kind) {
    clauses.push('kind = ?');
    params.push(filter.kind);
  }
  if (filter.status && filter.status.length > 0) {
    clauses.push(`status IN (${filter.status.map(() => '?').join(', ')})`);
    params.push(...filter.status);
  }
  if (filter.destinationId !== undefined) {
    clauses.push('destination_id = ?');
    params.push(filter.destinationId);
  }
  if (filter.destination) {
    clauses.push("(destination_name LIKE ? ESCAPE '\\' OR destination_label LIKE ? ESCAPE '\\')");
    params.push(like(filter.destination), like(filter.destination));
  }
  if (filter.controlId) {
    clauses.push('control_id = ?');
    params.push(filter.controlId);
  }
  if (filter.from) {
    clauses.push('created_at >= ?');
    params.push(Date.parse(filter.from));
  }
  if (filter.to) {
    clauses.push('created_at < ?');
    params.push(Date.parse(filter.to));
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
