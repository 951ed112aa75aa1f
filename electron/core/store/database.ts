import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { indexMigrations } from './index-migrations';
import { migrations } from './migrations';

export const DATABASE_FILE = 'switchboard.db';
/** Lookup terms and full-text index of the notifications: derived, rebuildable, written by its own thread. */
export const INDEX_DATABASE_FILE = 'switchboard-index.db';

/**
 * Opens (creating if needed) and migrates the databases in the data folder; the connection has the
 * index database attached unless `index: false` (see openConnection).
 * WAL lets the inbox read while the receiver writes; synchronous=FULL makes every COMMIT durable
 * before it returns, which is what lets the receiver answer 2xx right after it.
 */
export function openDatabase(dataDir: string, options: { index?: boolean } = {}): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = openConnection(dataDir);
  try {
    migrate(db);
    migrateIndex(db);
  } catch (error) {
    db.close();
    throw error;
  }
  if (options.index !== false) return db;
  db.exec('DETACH DATABASE idx');
  return db;
}

/**
 * One connection to the data folder's databases (migrated already, or about to be). `index: false`
 * leaves the index database out: BEGIN IMMEDIATE takes the write lock of every attached database,
 * so a connection that never touches the index (the writer thread's, the core's own) must not have
 * it attached, or its transactions would queue behind the index thread's.
 */
export function openConnection(dataDir: string, options: { index?: boolean } = {}): DatabaseSync {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  // Rows are ~2 KB JSON bodies; 8 KB pages make inserts faster and the file smaller than the
  // 4 KB default. Page sizes only take effect on a file that has no tables yet.
  db.exec('PRAGMA page_size = 8192');
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  if (options.index === false) return db;
  db.prepare('ATTACH DATABASE ? AS idx').run(join(dataDir, INDEX_DATABASE_FILE));
  // Term inserts land on random pages: small pages keep each one's write to the WAL small.
  db.exec('PRAGMA idx.page_size = 4096');
  db.exec('PRAGMA idx.journal_mode = WAL');
  // Derived data: a power loss may lose the newest index commits, which are then rebuilt from the
  // notifications above the high-water mark; their durability is not what a sender was promised.
  db.exec('PRAGMA idx.synchronous = NORMAL');
  return db;
}

/**
 * The index database alone, to read: the writer thread reads its purge mark here, since attached
 * to the writer's connection it would put every durable commit behind the index thread's lock.
 */
export function openIndexReader(dataDir: string): DatabaseSync {
  const db = new DatabaseSync(join(dataDir, INDEX_DATABASE_FILE), { readOnly: true });
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

export function migrate(db: DatabaseSync): void {
  runMigrations(db, 'main', migrations, 'This data folder was written by a newer Switchboard');
}

export function migrateIndex(db: DatabaseSync): void {
  runMigrations(db, 'idx', indexMigrations, 'The index in this data folder was written by a newer Switchboard');
}

function runMigrations(db: DatabaseSync, schema: 'main' | 'idx', steps: readonly string[], newer: string): void {
  const row = db.prepare(`PRAGMA ${schema}.user_version`).get() as { user_version: number } | undefined;
  const current = row?.user_version ?? 0;
  if (current > steps.length) {
    throw new Error(`${newer} (schema ${current}, this build knows ${steps.length}).`);
  }
  for (let version = current; version < steps.length; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(steps[version] ?? '');
      db.exec(`PRAGMA ${schema}.user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
