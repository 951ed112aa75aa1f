import type { DatabaseSync } from 'node:sqlite';
import type { HydrationRecord, HydrationResult } from '../../../shared/contract/notification-actions';

interface Row {
  id: number;
  notification_id: number;
  fetched_at: number;
  connection_id: string | null;
  connection_name: string | null;
  results_json: string;
}

const toRecord = (r: Row): HydrationRecord => ({
  id: r.id,
  notificationId: r.notification_id,
  fetchedAt: new Date(r.fetched_at).toISOString(),
  connectionId: r.connection_id,
  connectionName: r.connection_name,
  results: JSON.parse(r.results_json) as HydrationResult[],
});

/** Resources fetched to complete a lightweight notification, kept with it. */
export class HydrationStore {
  constructor(private readonly db: DatabaseSync) {}

  add(entry: { notificationId: number; fetchedAt: number; connectionId: string; connectionName: string | null; results: HydrationResult[] }): HydrationRecord {
    const result = this.db
      .prepare('INSERT INTO notification_hydrations (notification_id, fetched_at, connection_id, connection_name, results_json) VALUES (?, ?, ?, ?, ?)')
      .run(entry.notificationId, entry.fetchedAt, entry.connectionId, entry.connectionName, JSON.stringify(entry.results));
    return toRecord(this.db.prepare('SELECT * FROM notification_hydrations WHERE id = ?').get(Number(result.lastInsertRowid)) as unknown as Row);
  }

  forNotification(notificationId: number): HydrationRecord[] {
    return (this.db.prepare('SELECT * FROM notification_hydrations WHERE notification_id = ? ORDER BY id DESC').all(notificationId) as unknown as Row[]).map(toRecord);
  }
}
