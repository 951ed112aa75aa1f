/**
 * The notification writer thread. SQLite commits with synchronous=FULL block for the fsync, and
 * node:sqlite runs them on the calling thread; here they block this thread instead of the main
 * one, so the receiver keeps reading requests while a group commit reaches the disk. Every
 * notification the receiver stores is written here: one writer, no contention for its lock.
 */
import type { DatabaseSync } from 'node:sqlite';
import { openConnection } from './database';
import { NotificationWriter } from './notification-writer';
import { decodeNotification, type WriteOutcome, type WriterReply, type WriterRequest } from './store-thread-protocol';
import { openStoreThread } from './store-thread-entry';

const {
  port,
  reply,
  opened: { db, writer },
} = openStoreThread<WriterReply, { db: DatabaseSync; writer: NotificationWriter }>('notification-writer.worker', (data) => {
  const db = openConnection(data.dataDir, { index: false });
  // As on the main connection (see WalCheckpointer): the checkpointer thread keeps the WAL short;
  // a commit here checkpointing by itself would hold up every sender waiting on it.
  db.exec('PRAGMA wal_autocheckpoint = 16000');
  return { db, writer: new NotificationWriter(db) };
});

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
    for (const item of request.items) {
      const seq = item.seq;
      writer.add(decodeNotification(item)).then(
        (stored) => send({ seq, ok: true, stored }),
        (error: unknown) => send({ seq, ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
    }
    return;
  }
  writer.close();
  // After the outcomes of the last commit, which go from microtasks.
  setImmediate(() => {
    db.close();
    reply({ kind: 'closed' });
    port.close();
  });
});
reply({ kind: 'ready' });
