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
  // 5: issue 4, receiving side. Named endpoints (the single receiver config becomes endpoint 1,
  // the default `/webhook`); facts derived at receipt as indexed columns; a side table of lookup
  // terms (patient identifiers/references, focus references, resource types); a contentless FTS5
  // index over bodies; per-subscription gap state; saved views; per-endpoint counts for O(1) totals.
  // Existing rows keep facts_version 0 and are derived by a background backfill in small batches
  // (JavaScript derives the facts, so a SQL migration cannot).
  `
  CREATE TABLE endpoints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    enabled INTEGER NOT NULL DEFAULT 1,
    auth TEXT NOT NULL CHECK (auth IN ('none', 'token', 'hmac')),
    token_hash_json TEXT,
    hmac_secrets_json TEXT,
    challenge_response TEXT NOT NULL DEFAULT 'json' CHECK (challenge_response IN ('json', 'raw')),
    max_body_bytes INTEGER,
    retention_max_age_days INTEGER,
    retention_max_count INTEGER,
    retention_max_bytes INTEGER,
    rejected_unauthorized INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  INSERT INTO endpoints (id, name, path, auth, token_hash_json, max_body_bytes, created_at, updated_at)
  SELECT 1, 'Default',
    coalesce(json_extract(s.value_json, '$.path'), '/webhook'),
    CASE WHEN json_extract(s.value_json, '$.secretHash') IS NULL THEN 'none' ELSE 'token' END,
    json_extract(s.value_json, '$.secretHash'),
    json_extract(s.value_json, '$.maxBodyBytes'),
    CAST(unixepoch('subsec') * 1000 AS INTEGER),
    CAST(unixepoch('subsec') * 1000 AS INTEGER)
  FROM (SELECT 1) LEFT JOIN settings s ON s.key = 'receiver';
  UPDATE settings SET value_json = json_remove(value_json, '$.path', '$.secretHash', '$.maxBodyBytes')
  WHERE key = 'receiver';

  ALTER TABLE notifications ADD COLUMN endpoint_id INTEGER DEFAULT 1;
  ALTER TABLE notifications ADD COLUMN facts_version INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE notifications ADD COLUMN format TEXT;
  ALTER TABLE notifications ADD COLUMN event_uri TEXT;
  ALTER TABLE notifications ADD COLUMN event_label TEXT;
  ALTER TABLE notifications ADD COLUMN category TEXT NOT NULL DEFAULT 'unknown';
  ALTER TABLE notifications ADD COLUMN payload_level TEXT NOT NULL DEFAULT 'unknown';
  ALTER TABLE notifications ADD COLUMN patients_json TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE notifications ADD COLUMN subscription_ref TEXT;
  ALTER TABLE notifications ADD COLUMN subscription_topic TEXT;
  ALTER TABLE notifications ADD COLUMN subscription_type TEXT;
  ALTER TABLE notifications ADD COLUMN events_since_start INTEGER;
  ALTER TABLE notifications ADD COLUMN event_numbers TEXT NOT NULL DEFAULT '';
  ALTER TABLE notifications ADD COLUMN facts_json TEXT;
  ALTER TABLE notifications ADD COLUMN verification_detail TEXT;
  ALTER TABLE notifications ADD COLUMN webhook_id TEXT;
  ALTER TABLE notifications ADD COLUMN handshake TEXT;
  ALTER TABLE notifications ADD COLUMN is_read INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE notifications ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE notifications ADD COLUMN note TEXT;
  ALTER TABLE notifications ADD COLUMN warnings_json TEXT;

  -- Every filter index ends in id, so "newest first" walks it backwards without sorting.
  CREATE INDEX notifications_endpoint ON notifications (endpoint_id, id);
  CREATE INDEX notifications_event ON notifications (event, id);
  CREATE INDEX notifications_category ON notifications (category, id);
  CREATE INDEX notifications_payload_level ON notifications (payload_level, id);
  CREATE INDEX notifications_verification ON notifications (verification, id);
  CREATE INDEX notifications_parse_problem ON notifications (parse_status, id) WHERE parse_status <> 'ok';
  CREATE INDEX notifications_subscription ON notifications (subscription_ref, id) WHERE subscription_ref IS NOT NULL;
  CREATE INDEX notifications_unread ON notifications (id) WHERE is_read = 0;
  CREATE INDEX notifications_starred ON notifications (id) WHERE starred = 1;
  CREATE INDEX notifications_handshake ON notifications (id) WHERE handshake IS NOT NULL;
  CREATE INDEX notifications_warned ON notifications (id) WHERE warnings_json IS NOT NULL;
  CREATE INDEX notifications_facts_pending ON notifications (id) WHERE facts_version = 0;
  -- Standard Webhooks dedupe: one row per webhook-id per endpoint.
  CREATE UNIQUE INDEX notifications_webhook_id ON notifications (endpoint_id, webhook_id) WHERE webhook_id IS NOT NULL;

  -- kind: 1 patient identifier (system, value), 2 patient reference, 3 focus reference, 4 resource type.
  CREATE TABLE notification_terms (
    kind INTEGER NOT NULL,
    value TEXT NOT NULL,
    system TEXT NOT NULL DEFAULT '',
    notification_id INTEGER NOT NULL,
    PRIMARY KEY (kind, value, system, notification_id)
  ) WITHOUT ROWID;
  CREATE INDEX notification_terms_notification ON notification_terms (notification_id);

  -- Contentless: the bodies already live in notifications; contentless_delete lets retention
  -- delete by rowid without handing the old text back.
  CREATE VIRTUAL TABLE notifications_fts USING fts5 (
    body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );

  CREATE TABLE notification_counts (
    endpoint_id INTEGER PRIMARY KEY,
    count INTEGER NOT NULL,
    bytes INTEGER NOT NULL
  );
  INSERT INTO notification_counts (endpoint_id, count, bytes)
  SELECT 1, count(*), coalesce(sum(size_bytes), 0) FROM notifications;

  CREATE TABLE subscription_states (
    reference TEXT PRIMARY KEY,
    endpoint_id INTEGER,
    topic TEXT,
    status TEXT,
    last_type TEXT,
    first_received_at INTEGER NOT NULL,
    last_received_at INTEGER NOT NULL,
    last_heartbeat_at INTEGER,
    handshake_at INTEGER,
    notification_count INTEGER NOT NULL DEFAULT 0,
    heartbeat_period_configured INTEGER,
    state_json TEXT NOT NULL
  );

  CREATE TABLE inbox_views (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    filter_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  // 6: issue 6, delivery. Saved destinations; writebacks with the exact message and the control id
  // fixed at enqueue; one row per attempt, written before its bytes go out (so a crash leaves a
  // `pending` attempt to find); the status timeline. `queue_key` groups writebacks that share one
  // receiving endpoint: one in flight per key, in id order.
  `
  CREATE TABLE writeback_destinations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    config_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE writebacks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'retrying', 'accepted', 'rejected', 'given-up', 'cancelled')),
    acceptance TEXT CHECK (acceptance IN ('delivered', 'accepted-by-receiver')),
    kind TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    transport TEXT NOT NULL CHECK (transport IN ('mllp', 'fhir')),
    destination_id INTEGER REFERENCES writeback_destinations (id) ON DELETE SET NULL,
    destination_name TEXT NOT NULL,
    destination_label TEXT NOT NULL,
    destination_json TEXT NOT NULL,
    queue_key TEXT NOT NULL,
    control_id TEXT NOT NULL UNIQUE,
    message_type TEXT NOT NULL,
    message_format TEXT NOT NULL CHECK (message_format IN ('er7', 'fhir-json')),
    message_text TEXT NOT NULL,
    message_method TEXT,
    message_path TEXT,
    input_json TEXT NOT NULL,
    options_json TEXT,
    issues_json TEXT NOT NULL,
    lineage_json TEXT,
    patient_text TEXT,
    attempt_count INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    next_attempt_at INTEGER,
    last_result TEXT,
    last_error TEXT,
    resend_of INTEGER REFERENCES writebacks (id) ON DELETE SET NULL,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    note TEXT
  );
  CREATE INDEX writebacks_open ON writebacks (queue_key, id) WHERE status IN ('queued', 'sending', 'retrying');
  CREATE INDEX writebacks_status ON writebacks (status, id);
  CREATE INDEX writebacks_kind ON writebacks (kind, id);
  CREATE INDEX writebacks_destination ON writebacks (destination_id, id);
  CREATE INDEX writebacks_created ON writebacks (created_at, id);
  CREATE INDEX writebacks_resend_of ON writebacks (resend_of) WHERE resend_of IS NOT NULL;

  CREATE TABLE writeback_attempts (
    writeback_id INTEGER NOT NULL REFERENCES writebacks (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    duration_ms REAL,
    outcome TEXT NOT NULL,
    bytes_out INTEGER NOT NULL,
    bytes_in INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    ack_text TEXT,
    ack_json TEXT,
    http_json TEXT,
    response_body TEXT,
    PRIMARY KEY (writeback_id, number)
  );

  CREATE TABLE writeback_timeline (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    writeback_id INTEGER NOT NULL REFERENCES writebacks (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    status TEXT NOT NULL,
    detail TEXT,
    attempt INTEGER
  );
  CREATE INDEX writeback_timeline_writeback ON writeback_timeline (writeback_id, id);

  -- Which process runs the queue for this data folder (the app, the headless host or a writeback CLI run):
  -- one at a time, so two processes never send the same writeback at once.
  CREATE TABLE writeback_queue_lease (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    owner TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    heartbeat_at INTEGER NOT NULL
  );
  `,
  // 7: issue 6, writeback editor. Templates saved by name: the FHIR JSON as typed and the edit's
  // intent (action, changed elements, previous status) that picks the trigger.
  `
  CREATE TABLE writeback_templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    intent_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  // 8: lookup terms and FTS entries were written just after the durable commit, in larger batches;
  // rows whose terms were not written yet are marked, so a crash in between is repaired at the next
  // start. (Since the writer thread they are written in the row's own commit; the mark stays for
  // data written before.)
  `
  ALTER TABLE notifications ADD COLUMN indexed INTEGER NOT NULL DEFAULT 1;
  CREATE INDEX notifications_unindexed ON notifications (id) WHERE indexed = 0;
  `,
  // 9: per endpoint, hydrate lightweight notifications automatically from a connection.
  `
  ALTER TABLE endpoints ADD COLUMN auto_hydrate_connection_id TEXT;
  `,
  // 10: lookup terms and FTS entries move to their own database file (index-migrations.ts), written
  // by the index thread with its own write lock, so indexing never queues behind (or holds up) the
  // receiver's durable commits. The index there starts empty and is rebuilt from these rows. The
  // `indexed` mark of migration 8 is no longer used (the index database has a high-water mark).
  `
  DROP TABLE notification_terms;
  DROP TABLE notifications_fts;
  DROP INDEX notifications_unindexed;
  `,
  // 11: retention deletes notifications in the writer thread, whose connection has no index
  // database attached. What the index thread must remove for them (each row's lookup terms, as
  // derived from the row before it went, and its FTS entry) is left here in the deletion's own
  // commit, so a crash before the index thread gets to it is finished at the next start.
  // Pruned once the index database's purged_through passes them.
  `
  CREATE TABLE notification_tombstones (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    ids_json TEXT NOT NULL,
    -- [kind, value, system, notification_id] per term
    terms_json TEXT NOT NULL
  );
  `,
  // 12: automatic hydrations go through a bounded queue; what became of each (fetched; failed before
  // anything was fetched; skipped because the queue was full) is kept, so the Hydrate tab shows it.
  `
  ALTER TABLE notification_hydrations ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE notification_hydrations ADD COLUMN outcome TEXT NOT NULL DEFAULT 'fetched';
  ALTER TABLE notification_hydrations ADD COLUMN error TEXT;
  `,
  // 13: subscription states are found by index inside the receiver's commit, never by a scan of
  // them all (a sender can create any number by inventing references). `sent_key`: the key without
  // the endpoint scope a relative reference now gets (`Subscription/1`, or the normalised absolute
  // URL, which is then the key itself); `absolute_id`: an absolute key's logical id, which a
  // relative reference with that id may join. NULL `sent_key`: kept by an older build; the writer
  // re-keys those rows when it opens (SubscriptionStateStore.normalizeKeys: URL normalisation is code).
  `
  ALTER TABLE subscription_states ADD COLUMN sent_key TEXT;
  ALTER TABLE subscription_states ADD COLUMN absolute_id TEXT;
  CREATE INDEX subscription_states_sent_key ON subscription_states (sent_key);
  CREATE INDEX subscription_states_absolute_id ON subscription_states (absolute_id, endpoint_id) WHERE absolute_id IS NOT NULL;
  `,
];
