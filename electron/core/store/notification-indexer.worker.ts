/**
 * The index thread: writes lookup terms and FTS entries into the index database (its own file and
 * write lock), in parallel with the writer thread's durable commits, which it never waits on.
 */
import type { DatabaseSync } from 'node:sqlite';
import { openConnection } from './database';
import { NotificationIndexer } from './notification-indexer';
import type { IndexerReply, IndexerRequest } from './store-thread-protocol';
import { openStoreThread } from './store-thread-entry';

const {
  port,
  reply,
  opened: { db, indexer },
} = openStoreThread<IndexerReply, { db: DatabaseSync; indexer: NotificationIndexer }>('notification-indexer.worker', (data) => {
  const db = openConnection(data.dataDir);
  // Term inserts land on random pages of a large index: 32 MB keeps most of them from being re-read.
  db.exec('PRAGMA idx.cache_size = -32768');
  return { db, indexer: new NotificationIndexer(db) };
});

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
