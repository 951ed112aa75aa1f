/**
 * Schema history, applied in order; `PRAGMA user_version` records how many have run.
 * Never edit a shipped migration: add the next one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at INTEGER NOT NULL,
    endpoint_path TEXT NOT NULL,
    method TEXT NOT NULL,
    remote_address TEXT,
    headers_json TEXT NOT NULL,
    content_type TEXT,
    body BLOB NOT NULL,
    size_bytes INTEGER NOT NULL,
    parse_status TEXT NOT NULL CHECK (parse_status IN ('ok', 'malformed-json', 'unsupported-media-type')),
    parse_error TEXT,
    verification TEXT NOT NULL,
    source TEXT,
    event TEXT,
    resource_types TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX notifications_received_at ON notifications (received_at);
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value_json TEXT NOT NULL
  );
  `,
];
