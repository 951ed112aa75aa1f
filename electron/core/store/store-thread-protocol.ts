import type { SQLInputValue } from 'node:sqlite';
import type { SubscriptionFacts } from '../../../shared/notifications/notification-facts';
import { COLUMN, INSERTED_COLUMNS, type NotificationInsert, type WrittenRow } from './notification-row';
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
 * A batch of rows on its way to the writer thread: every row's values in one flat array of strings
 * and numbers, every body in one buffer that is transferred, not cloned. Cloning that is several
 * times cheaper, on both threads, than an object per row with a buffer of its own to transfer.
 */
export interface EncodedInserts {
  seqs: number[];
  /** INSERTED_COLUMNS.length values per row, in order; each row's body slot is null. */
  values: SQLInputValue[];
  subscriptions: (SubscriptionFacts | null)[];
  /** The bodies end to end. */
  bodies: Uint8Array;
  bodyLengths: number[];
}

export interface SequencedInsert {
  seq: number;
  insert: NotificationInsert;
}

const bodyOf = (insert: NotificationInsert): Uint8Array => {
  const body = insert.values[COLUMN.body];
  if (!(body instanceof Uint8Array)) throw new TypeError('A notification row without its body.');
  return body;
};

export function encodeInserts(items: readonly SequencedInsert[]): EncodedInserts {
  let total = 0;
  for (const { insert } of items) total += bodyOf(insert).byteLength;
  // Not from Buffer's shared pool: the whole ArrayBuffer is handed to the other thread.
  const bodies = new Uint8Array(total);
  const encoded: EncodedInserts = { seqs: [], values: [], subscriptions: [], bodies, bodyLengths: [] };
  let offset = 0;
  for (const { seq, insert } of items) {
    const body = bodyOf(insert);
    bodies.set(body, offset);
    offset += body.byteLength;
    encoded.seqs.push(seq);
    encoded.bodyLengths.push(body.byteLength);
    encoded.subscriptions.push(insert.subscription);
    const first = encoded.values.length;
    for (const value of insert.values) encoded.values.push(value);
    encoded.values[first + COLUMN.body] = null;
  }
  return encoded;
}

export function decodeInserts(encoded: EncodedInserts): SequencedInsert[] {
  const width = INSERTED_COLUMNS.length;
  let offset = 0;
  return encoded.seqs.map((seq, i) => {
    const length = encoded.bodyLengths[i] ?? 0;
    const values = encoded.values.slice(i * width, (i + 1) * width);
    // A view into the one buffer: the row's bytes are bound from it without another copy.
    values[COLUMN.body] = encoded.bodies.subarray(offset, offset + length);
    offset += length;
    return { seq, insert: { values, subscription: encoded.subscriptions[i] ?? null } };
  });
}

/** The main thread → the notification writer thread. */
export type WriterRequest =
  | { kind: 'add'; inserts: EncodedInserts }
  /** Retention limits changed: a retention pass now. */
  | { kind: 'retain' }
  | { kind: 'close' };

export type WriteOutcome = { seq: number; ok: true; written: WrittenRow } | { seq: number; ok: false; message: string };

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
