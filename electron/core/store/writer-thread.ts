import { type NotificationRow, notificationInsert, notificationRow, storedNotification } from './notification-row';
import type { IncomingNotification, StoredNotification } from './notification-types';
import { StoreThread } from './store-thread';
import {
  encodeInserts,
  type SequencedInsert,
  type StoreThreadData,
  type ThreadLog,
  type WriterReply,
  type WriterRequest,
} from './store-thread-protocol';

interface Waiting {
  notification: IncomingNotification;
  /** Its row as sent: the summary is built from it once the writer says what it wrote. */
  row: NotificationRow;
  resolve: (stored: StoredNotification) => void;
  reject: (error: Error) => void;
}

const CLOSE_TIMEOUT_MS = 10_000;
/**
 * 'add' messages unanswered at once. Each message costs both threads a fixed ~15 µs; with two out,
 * the thread always has the next batch waiting while it commits one, and what arrives meanwhile
 * goes as one message when an answer comes (one message per commit, not per request).
 */
const MAX_IN_FLIGHT = 2;

/**
 * The main thread's side of the notification writer thread. Requests made in one turn of the
 * event loop travel as one message. If the thread dies, what it had not answered fails (the
 * sender gets a 5xx and retries; a webhook-id dedupes one that had been stored) and the next
 * request starts a new thread. If it never started, `unavailable` gets what was waiting.
 */
export class WriterThread {
  private readonly thread: StoreThread<WriterRequest, WriterReply>;
  private nextSeq = 1;
  private readonly waiting = new Map<number, Waiting>();
  private outgoing: SequencedInsert[] = [];
  private flushScheduled = false;
  /** The last seq of each message not yet fully answered, oldest first (answers come in seq order). */
  private inFlight: number[] = [];

  constructor(
    script: string | URL,
    data: StoreThreadData,
    private readonly events: {
      /** Rows were committed (a cue for the indexer). */
      committed(): void;
      /** Retention deleted rows (a cue for the indexer to purge their index entries). */
      retained(deleted: number): void;
      /** A log line from the thread. */
      log(line: ThreadLog): void;
      /** The thread could not start: these were never written; write them elsewhere. */
      unavailable(error: Error, waiting: Waiting[]): void;
    },
  ) {
    this.thread = new StoreThread(script, data, { reply: (r) => this.replied(r), stopped: (e, started) => this.stopped(e, started) });
  }

  start(): Promise<boolean> {
    return this.thread.start();
  }

  add(notification: IncomingNotification): Promise<StoredNotification> {
    const seq = this.nextSeq++;
    const row = notificationRow(notification);
    return new Promise<StoredNotification>((resolve, reject) => {
      this.waiting.set(seq, { notification, row, resolve, reject });
      this.outgoing.push({ seq, insert: notificationInsert(notification, row) });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      // After this turn's I/O callbacks: requests that arrived together travel together.
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    });
  }

  /** Retention limits changed: the thread's retention runs a pass now. */
  retentionDue(): void {
    this.thread.post({ kind: 'retain' });
  }

  async close(): Promise<void> {
    this.flush();
    await this.thread.close({ kind: 'close' }, CLOSE_TIMEOUT_MS);
  }

  private flush(): void {
    if (this.outgoing.length === 0 || this.inFlight.length >= MAX_IN_FLIGHT) return;
    const items = this.outgoing;
    this.outgoing = [];
    this.inFlight.push(items.at(-1)?.seq ?? 0);
    try {
      const inserts = encodeInserts(items);
      this.thread.post({ kind: 'add', inserts }, [inserts.bodies.buffer as ArrayBuffer]);
    } catch (error) {
      // Not sendable (a bug): these fail with a 5xx rather than taking the receiver down.
      this.inFlight.pop();
      for (const { seq } of items) {
        this.waiting.get(seq)?.reject(error instanceof Error ? error : new Error(String(error)));
        this.waiting.delete(seq);
      }
    }
  }

  private replied(reply: WriterReply): void {
    if (reply.kind === 'retained') this.events.retained(reply.deleted);
    if (reply.kind === 'log') this.events.log(reply);
    if (reply.kind !== 'stored') return;
    let stored = false;
    for (const outcome of reply.outcomes) {
      const waiting = this.waiting.get(outcome.seq);
      if (!waiting) continue;
      this.waiting.delete(outcome.seq);
      if (outcome.ok) {
        stored = true;
        waiting.resolve(storedNotification(waiting.row, outcome.written));
      } else {
        waiting.reject(new Error(outcome.message));
      }
      while (this.inFlight.length > 0 && (this.inFlight[0] ?? 0) <= outcome.seq) this.inFlight.shift();
    }
    if (stored) this.events.committed();
    this.flush();
  }

  private stopped(error: Error, started: boolean): void {
    this.inFlight = [];
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    this.outgoing = [];
    if (!started) {
      this.events.unavailable(error, waiting);
      return;
    }
    for (const w of waiting) w.reject(new Error(`The notification could not be stored: the writer thread stopped (${error.message}).`));
  }
}
