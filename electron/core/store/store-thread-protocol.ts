import type { IncomingNotification, StoredNotification } from './notification-types';
import type { RetentionOptions } from './retention';

/** What a store thread (writer or indexer) is started with. */
export interface StoreThreadData {
  dataDir: string;
  /** The writer thread's retention pace (retention.ts). */
  retention?: RetentionOptions;
  /** The core's clock minus Date.now() at start: retention by age uses the core's clock. */
  clockOffsetMs?: number;
}

/** A log line from a thread, written by the main thread's logger (fields: never PHI, see Logger). */
export interface ThreadLog {
  kind: 'log';
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, string | number | boolean | null>;
}

/** What every store thread says of itself. */
export type ThreadStatus =
  | { kind: 'ready' }
  /** The database could not be opened: nothing was written. */
  | { kind: 'unavailable'; message: string }
  | { kind: 'closed' };

/**
 * A notification on its way to the writer thread: everything but the body as one JSON text, which
 * crosses threads several times cheaper than the same nested objects (facts, header pairs) cloned.
 */
export interface EncodedNotification {
  seq: number;
  json: string;
  body: Uint8Array;
}

/**
 * The body is copied into a buffer of its own, to be transferred rather than cloned: a request
 * body is usually a view into a larger pooled or socket buffer, and cloning a view copies all of
 * the buffer behind it (tens of KB per notification).
 */
export function encodeNotification(seq: number, notification: IncomingNotification): EncodedNotification {
  const { body, ...rest } = notification;
  // `new Uint8Array(view)` copies; Buffer's own slice() would not.
  return { seq, json: JSON.stringify(rest), body: new Uint8Array(body) };
}

export function decodeNotification(encoded: EncodedNotification): IncomingNotification {
  return { ...(JSON.parse(encoded.json) as Omit<IncomingNotification, 'body'>), body: encoded.body };
}

/** The main thread → the notification writer thread. */
export type WriterRequest =
  | { kind: 'add'; items: EncodedNotification[] }
  /** Retention limits changed: a retention pass now. */
  | { kind: 'retain' }
  | { kind: 'close' };

export type WriteOutcome = { seq: number; ok: true; stored: StoredNotification } | { seq: number; ok: false; message: string };

/** The notification writer thread → the main thread. */
export type WriterReply =
  | ThreadStatus
  | { kind: 'stored'; outcomes: WriteOutcome[] }
  /** Retention deleted this many notifications (their tombstones await the index thread). */
  | { kind: 'retained'; deleted: number }
  | ThreadLog;

/** The main thread → the index thread. */
export type IndexerRequest = { kind: 'wake' } | { kind: 'indexed'; seq: number } | { kind: 'close' };

/** The index thread → the main thread. */
export type IndexerReply = ThreadStatus | { kind: 'indexed'; seq: number };
