/**
 * The notification writer thread. SQLite commits with synchronous=FULL block for the fsync, and
 * node:sqlite runs them on the calling thread; here they block this thread instead of the main
 * one, so the receiver keeps reading requests while a group commit reaches the disk. Every
 * notification the receiver stores is written here: one writer, no contention for its lock.
 */
import type { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from './database';
import { NotificationWriter } from './notification-writer';
import { decodeNotification, type StoreThreadData, type WriteOutcome, type WriterReply, type WriterRequest } from './store-thread-protocol';

const port = parentPort;
if (!port) throw new Error('notification-writer.worker runs as a worker thread.');
const reply = (message: WriterReply) => port.postMessage(message);

let db: DatabaseSync;
let writer: NotificationWriter;
try {
  db = openConnection((workerData as StoreThreadData).dataDir, { index: false });
  // As on the main connection (see WalCheckpointer): the checkpointer thread keeps the WAL short;
  // a commit here checkpointing by itself would hold up every sender waiting on it.
  db.exec('PRAGMA wal_autocheckpoint = 16000');
  writer = new NotificationWriter(db);
} catch (error) {
  reply({ kind: 'unavailable', message: error instanceof Error ? error.message : String(error) });
  port.close();
  throw error;
}

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
