/**
 * Schema history of the index database (`switchboard-index.db`, attached as `idx`): derived data
 * only, rebuilt from the notifications table whenever it is missing or behind. Applied in order;
 * its own `PRAGMA idx.user_version` records how many have run.
 */
export const indexMigrations: readonly string[] = [
  // 1: what migration 5 kept beside the notifications, plus how far it has been written.
  `
  -- kind: 1 patient identifier (system, value), 2 patient reference, 3 focus reference, 4 resource type.
  CREATE TABLE idx.notification_terms (
    kind INTEGER NOT NULL,
    value TEXT NOT NULL,
    system TEXT NOT NULL DEFAULT '',
    notification_id INTEGER NOT NULL,
    PRIMARY KEY (kind, value, system, notification_id)
  ) WITHOUT ROWID;
  -- No index by notification_id: every term insert would pay for a second B-tree. Retention, the
  -- only one to look terms up by notification, derives them from the row and deletes by key.

  -- Contentless: the bodies already live in notifications; contentless_delete lets retention
  -- delete by rowid without handing the old text back.
  CREATE VIRTUAL TABLE idx.notifications_fts USING fts5 (
    body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );

  -- Every notification with id <= indexed_through has its terms and FTS entry (or had been deleted).
  CREATE TABLE idx.notification_index_progress (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    indexed_through INTEGER NOT NULL
  );
  INSERT INTO idx.notification_index_progress (singleton, indexed_through) VALUES (1, 0);
  `,
  // 2: every tombstone (main.notification_tombstones) with seq <= purged_through has had its terms
  // and FTS entries removed here.
  `
  ALTER TABLE idx.notification_index_progress ADD COLUMN purged_through INTEGER NOT NULL DEFAULT 0;
  `,
];
