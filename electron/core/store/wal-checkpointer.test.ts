import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { DATABASE_FILE, openDatabase } from './database';
import { WalCheckpointer } from './wal-checkpointer';

describe('WalCheckpointer', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('copies committed pages into the database file from another thread', async () => {
    const db = openDatabase(dir.path);
    const checkpointer = new WalCheckpointer(db, dir.path, 20);
    checkpointer.start();
    const before = statSync(join(dir.path, DATABASE_FILE)).size;
    db.exec('CREATE TABLE blobs (b BLOB)');
    const insert = db.prepare('INSERT INTO blobs (b) VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run(new Uint8Array(16 * 1024));
    // No checkpoint from this thread (the automatic one is far above 3 MB): only the worker's.
    const deadline = Date.now() + 5_000;
    while (statSync(join(dir.path, DATABASE_FILE)).size < before + 3_000_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statSync(join(dir.path, DATABASE_FILE)).size).toBeGreaterThan(before + 3_000_000);
    await checkpointer.stop();
    db.close();
  });
});
