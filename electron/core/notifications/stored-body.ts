import type { DatabaseSync } from 'node:sqlite';

export interface StoredBody {
  bytes: Uint8Array;
  headers: [string, string][];
  contentType: string | null;
}

/** The exact bytes and headers a notification arrived with. */
export function storedBody(db: DatabaseSync, id: number): StoredBody | null {
  const row = db.prepare('SELECT body, headers_json, content_type FROM notifications WHERE id = ?').get(id) as
    | { body: Uint8Array; headers_json: string; content_type: string | null }
    | undefined;
  if (!row) return null;
  return { bytes: row.body, headers: JSON.parse(row.headers_json) as [string, string][], contentType: row.content_type };
}
