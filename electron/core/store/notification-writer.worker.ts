/**
 * The notification writer thread. SQLite commits with synchronous=FULL block for the fsync, and
 * node:sqlite runs them on the calling thread; here they block this thread instead of the main
 * one, so the receiver keeps reading requests while a group commit reaches the disk. Every
 * notification the receiver stores is written here: one writer, no contention for its lock.
 * Retention deletes here too, in small batches when no group commit is waiting (retention.ts), so
 * it neither waits for that lock nor makes a sender wait for more than one short batch.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../logger';
import { openConnection, openIndexReader } from './database';
import { EndpointStore } from './endpoint-store';
import { purgedThroughReader } from './notification-deletion';
import { NotificationWriter } from './notification-writer';
import { RetentionWorker } from './retention';
import { decodeInserts, type StoreThreadData, type WriteOutcome, type WriterReply, type WriterRequest } from './store-thread-protocol';
import { openStoreThread } from './store-thread-entry';

const {
  port,
  reply,
  opened: { db, indexDb, writer, data },
} = openStoreThread<WriterReply, { db: DatabaseSync; indexDb: DatabaseSync; writer: NotificationWriter; data: StoreThreadData }>(
  'notification-writer.worker',
  (data) => {
    const db = openConnection(data.dataDir, { index: false });
    // As on the main connection (see WalCheckpointer): the checkpointer thread keeps the WAL short;
    // a commit here checkpointing by itself would hold up every sender waiting on it.
    db.exec('PRAGMA wal_autocheckpoint = 16000');
    return { db, indexDb: openIndexReader(data.dataDir), writer: new NotificationWriter(db), data };
  },
);

const clock = () => Date.now() + (data.clockOffsetMs ?? 0);
const log: Logger = {
  info: (message, fields) => reply({ kind: 'log', level: 'info', message, ...(fields ? { fields } : {}) }),
  warn: (message, fields) => reply({ kind: 'log', level: 'warn', message, ...(fields ? { fields } : {}) }),
  error: (message, fields) => reply({ kind: 'log', level: 'error', message, ...(fields ? { fields } : {}) }),
};
const retention = new RetentionWorker(
  db,
  new EndpointStore(db, clock),
  clock,
  log,
  (deleted) => reply({ kind: 'retained', deleted }),
  data.retention,
  { purgedThrough: purgedThroughReader(indexDb, 'main'), ingest: writer },
);

// Outcomes of one group commit resolve together (microtasks after its COMMIT); they go back as one message.
let outbox: WriteOutcome[] = [];
function send(outcome: WriteOutcome): void {
  if (outbox.length === 0) {
    queueMicrotask(() => {
      const outcomes = outbox;
      outbox = [];
      reply({ kind: 'stored', outcomes });
    });
  }
  outbox.push(outcome);
}

port.on('message', (request: WriterRequest) => {
  if (request.kind === 'add') {
    for (const { seq, insert } of decodeInserts(request.inserts)) {
      writer.addInsert(insert).then(
        (written) => send({ seq, ok: true, written }),
        (error: unknown) => send({ seq, ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
    }
    return;
  }
  if (request.kind === 'retain') {
    retention.runSoon();
    return;
  }
  // Between two retention batches: none is ever left open.
  void retention.stop().then(() => {
    writer.close();
    // After the outcomes of the last commit, which go from microtasks.
    setImmediate(() => {
      db.close();
      indexDb.close();
      reply({ kind: 'closed' });
      port.close();
    });
  });
});
reply({ kind: 'ready' });
retention.start();
