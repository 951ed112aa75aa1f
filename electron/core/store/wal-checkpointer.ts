import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { DATABASE_FILE } from './database';

/**
 * Moves WAL checkpoints off the main thread. SQLite's automatic checkpoint runs inside whichever
 * COMMIT crosses the threshold, copying the WAL into the database and fsyncing it, synchronously:
 * with node:sqlite that stalls the event loop, and every sender waiting on the receiver, for tens
 * or hundreds of milliseconds (the p99 of ingest). Here a worker thread with its own connection
 * runs PASSIVE checkpoints (which never block writers or readers) every `intervalMs`; the main
 * connection keeps a much higher automatic threshold only as a safety net.
 *
 * The worker is plain JavaScript evaluated from a string, so it needs no separate build entry.
 */
export class WalCheckpointer {
  private worker: Worker | null = null;

  constructor(
    private readonly db: DatabaseSync,
    private readonly dataDir: string,
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    if (this.worker) return;
    // 16,000 pages of 8 KB: the WAL may reach ~128 MB before the main thread checkpoints itself.
    this.db.exec('PRAGMA wal_autocheckpoint = 16000');
    this.worker = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads');
      const { DatabaseSync } = require('node:sqlite');
      const db = new DatabaseSync(workerData.file);
      db.exec('PRAGMA busy_timeout = 100');
      const timer = setInterval(() => {
        try { db.exec('PRAGMA wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ }
      }, workerData.intervalMs);
      parentPort.on('message', () => {
        clearInterval(timer);
        try { db.exec('PRAGMA wal_checkpoint(PASSIVE)'); } catch { /* closing anyway */ }
        db.close();
        parentPort.close();
      });
      `,
      { eval: true, workerData: { file: join(this.dataDir, DATABASE_FILE), intervalMs: this.intervalMs } },
    );
    this.worker.unref();
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref())]);
    await worker.terminate();
    this.db.exec('PRAGMA wal_autocheckpoint = 1000');
  }
}
