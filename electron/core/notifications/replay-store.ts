import type { DatabaseSync } from 'node:sqlite';
import type { ReplayRecord } from '../../../shared/contract/notification-actions';
import type { PostOutcome } from './webhook-poster';

interface Row {
  id: number;
  notification_id: number | null;
  sent_at: number;
  url: string;
  edited: number;
  signed: number;
  status: number | null;
  duration_ms: number | null;
  response_headers_json: string | null;
  response_body: string | null;
  error: string | null;
}

const toRecord = (r: Row): ReplayRecord => ({
  id: r.id,
  notificationId: r.notification_id,
  sentAt: new Date(r.sent_at).toISOString(),
  url: r.url,
  edited: r.edited === 1,
  signed: r.signed === 1,
  status: r.status,
  durationMs: r.duration_ms,
  responseHeaders: r.response_headers_json ? (JSON.parse(r.response_headers_json) as [string, string][]) : [],
  responseBody: r.response_body,
  error: r.error,
});

/** Every replay, forward and test send, with what the receiving end answered. */
export class ReplayStore {
  constructor(private readonly db: DatabaseSync) {}

  record(entry: { notificationId: number | null; sentAt: number; url: string; edited: boolean; signed: boolean; outcome: PostOutcome }): ReplayRecord {
    const { outcome } = entry;
    const result = this.db
      .prepare(
        `INSERT INTO notification_replays (notification_id, sent_at, url, edited, signed, status, duration_ms, response_headers_json, response_body, error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.notificationId,
        entry.sentAt,
        entry.url,
        entry.edited ? 1 : 0,
        entry.signed ? 1 : 0,
        outcome.status,
        outcome.durationMs,
        JSON.stringify(outcome.responseHeaders),
        outcome.responseBody,
        outcome.error,
      );
    const row = this.db.prepare('SELECT * FROM notification_replays WHERE id = ?').get(Number(result.lastInsertRowid)) as unknown as Row;
    return toRecord(row);
  }

  forNotification(notificationId: number): ReplayRecord[] {
    return (this.db.prepare('SELECT * FROM notification_replays WHERE notification_id = ? ORDER BY id DESC').all(notificationId) as unknown as Row[]).map(toRecord);
  }
}
