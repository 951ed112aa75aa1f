import type { DatabaseSync } from 'node:sqlite';
import type { HydrationAnnounced, HydrationOutcome, HydrationRecord, HydrationResult } from '../../../shared/contract/notification-actions';

interface Row {
  id: number;
  notification_id: number;
  fetched_at: number;
  connection_id: string | null;
  connection_name: string | null;
  results_json: string;
  automatic: number;
  outcome: HydrationOutcome;
  error: string | null;
}

const toRecord = (r: Row): HydrationRecord => ({
  id: r.id,
  notificationId: r.notification_id,
  fetchedAt: new Date(r.fetched_at).toISOString(),
  connectionId: r.connection_id,
  connectionName: r.connection_name,
  results: JSON.parse(r.results_json) as HydrationResult[],
  automatic: r.automatic === 1,
  outcome: r.outcome,
  error: r.error,
});

/** What `notification.hydrated` carries: never the fetched resources, which go to every window. */
export function hydrationAnnouncement(r: HydrationRecord): HydrationAnnounced {
  return { id: r.id, notificationId: r.notificationId, outcome: r.outcome };
}

export interface HydrationEntry {
  notificationId: number;
  fetchedAt: number;
  connectionId: string | null;
  connectionName: string | null;
  results: HydrationResult[];
  automatic?: boolean;
  outcome?: HydrationOutcome;
  error?: string | null;
}

/** Resources fetched to complete a lightweight notification, kept with it (or why none were). */
export class HydrationStore {
  constructor(private readonly db: DatabaseSync) {}

  /** Null when the notification is gone (retention may delete it while its hydration runs). */
  add(entry: HydrationEntry): HydrationRecord | null {
    const result = this.db
      .prepare(
        `INSERT INTO notification_hydrations (notification_id, fetched_at, connection_id, connection_name, results_json, automatic, outcome, error)
         SELECT :id, :at, :connectionId, :connectionName, :results, :automatic, :outcome, :error
         WHERE EXISTS (SELECT 1 FROM notifications WHERE id = :id)`,
      )
      .run({
        id: entry.notificationId,
        at: entry.fetchedAt,
        connectionId: entry.connectionId,
        connectionName: entry.connectionName,
        results: JSON.stringify(entry.results),
        automatic: entry.automatic ? 1 : 0,
        outcome: entry.outcome ?? 'fetched',
        error: entry.error ?? null,
      });
    if (Number(result.changes) === 0) return null;
    return toRecord(this.db.prepare('SELECT * FROM notification_hydrations WHERE id = ?').get(Number(result.lastInsertRowid)) as unknown as Row);
  }

  /** Several in one commit: failed and skipped ones come in bursts, and each commit waits for the disk. */
  addAll(entries: readonly HydrationEntry[]): HydrationRecord[] {
    if (entries.length === 0) return [];
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const records = entries.flatMap((e) => this.add(e) ?? []);
      this.db.exec('COMMIT');
      return records;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  forNotification(notificationId: number): HydrationRecord[] {
    return (this.db.prepare('SELECT * FROM notification_hydrations WHERE notification_id = ? ORDER BY id DESC').all(notificationId) as unknown as Row[]).map(toRecord);
  }
}
