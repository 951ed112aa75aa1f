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
  // 2: query runs (history), their pages kept whole in the core, and saved queries.
  `
  CREATE TABLE query_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at INTEGER NOT NULL,
    connection_id TEXT,
    connection_name TEXT,
    base_url TEXT NOT NULL,
    resource_type TEXT,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    query TEXT NOT NULL,
    model_json TEXT,
    status INTEGER,
    duration_ms INTEGER,
    size_bytes INTEGER,
    entry_count INTEGER,
    total INTEGER,
    error TEXT
  );
  CREATE INDEX query_runs_started_at ON query_runs (started_at);
  CREATE TABLE query_pages (
    run_id INTEGER NOT NULL REFERENCES query_runs (id) ON DELETE CASCADE,
    page_index INTEGER NOT NULL,
    fetched_at INTEGER NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    status INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    request_headers_json TEXT NOT NULL,
    response_headers_json TEXT NOT NULL,
    body BLOB NOT NULL,
    entry_count INTEGER NOT NULL,
    PRIMARY KEY (run_id, page_index)
  );
  CREATE TABLE saved_queries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    folder TEXT NOT NULL DEFAULT '',
    resource_type TEXT,
    query TEXT NOT NULL,
    method TEXT NOT NULL DEFAULT 'GET',
    model_json TEXT,
    connection_name TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (folder, name)
  );
  `,
  // 3: connections. Settings as JSON (validated by the contract on the way in), secrets only as
  // ciphertext from the SecretBox, and the last CapabilityStatement summary per connection.
  `
  CREATE TABLE connections (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    config_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE connection_secrets (
    connection_id TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    ciphertext TEXT NOT NULL,
    PRIMARY KEY (connection_id, name)
  );
  CREATE TABLE connection_capabilities (
    connection_id TEXT PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    fetched_at INTEGER NOT NULL,
    summary_json TEXT NOT NULL
  );
  `,
  // 4: what was done with a notification after receipt: hydration fetches and replays.
  `
  CREATE TABLE notification_hydrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    notification_id INTEGER NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    fetched_at INTEGER NOT NULL,
    connection_id TEXT,
    connection_name TEXT,
    results_json TEXT NOT NULL
  );
  CREATE INDEX notification_hydrations_notification ON notification_hydrations (notification_id);
  CREATE TABLE notification_replays (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    notification_id INTEGER REFERENCES notifications (id) ON DELETE CASCADE,
    sent_at INTEGER NOT NULL,
    url TEXT NOT NULL,
    edited INTEGER NOT NULL,
    signed INTEGER NOT NULL,
    status INTEGER,
    duration_ms INTEGER,
    response_headers_json TEXT,
    response_body TEXT,
    error TEXT
  );
  CREATE INDEX notification_replays_notification ON notification_replays (notification_id);
  `,
];
