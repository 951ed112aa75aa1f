/**
 * The index thread: writes lookup terms and FTS entries into the index database (its own file and
 * write lock), in parallel with the writer thread's durable commits, which it never waits on.
 */
import type { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from './database';
import { NotificationIndexer } from './notification-indexer';
import type { IndexerReply, IndexerRequest, StoreThreadData } from './store-thread-protocol';

const port = parentPort;
if (!port) throw new Error('notification-indexer.worker runs as a worker thread.');
const reply = (message: IndexerReply) => port.postMessage(message);

let db: DatabaseSync;
let indexer: NotificationIndexer;
try {
  db = openConnection((workerData as StoreThreadData).dataDir);
  // Term inserts land on random pages of a large index: 32 MB keeps most of them from being re-read.
  db.exec('PRAGMA idx.cache_size = -32768');
  indexer = new NotificationIndexer(db);
} catch (error) {
  reply({ kind: 'unavailable', message: error instanceof Error ? error.message : String(error) });
  port.close();
  throw error;
}

port.on('message', (request: IndexerRequest) => {
  switch (request.kind) {
    case 'wake':
      indexer.wake();
      return;
    case 'indexed':
      try {
        indexer.indexAll();
      } catch {
        // Busy or failing: the query runs without the newest rows in its text and lookup filters;
        // they are indexed at the next wake-up.
        indexer.wake();
      }
      reply({ kind: 'indexed', seq: request.seq });
      return;
    case 'close':
      indexer.stop();
      db.close();
      reply({ kind: 'closed' });
      port.close();
      return;
  }
});
reply({ kind: 'ready' });
// Whatever a crash, an upgrade or a new index file left behind.
indexer.wake();
