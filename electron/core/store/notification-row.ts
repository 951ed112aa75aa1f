import type { SQLInputValue } from 'node:sqlite';
import type { NotificationSummary } from '../../../shared/contract';
import type { SubscriptionFacts } from '../../../shared/notifications/notification-facts';
import { FACT_COLUMNS, factColumns, type SummaryRow, toSummary } from './notification-rows';
import type { IncomingNotification, StoredNotification } from './notification-types';

/** The version of the derivation whose results a row holds; 0 = not derived yet (backfill pending). */
export const FACTS_VERSION = 1;

/** The columns a received notification is inserted with, in the order the writer binds them. */
export const INSERTED_COLUMNS = [
  'received_at',
  'endpoint_id',
  'endpoint_path',
  'method',
  'remote_address',
  'headers_json',
  'content_type',
  'body',
  'size_bytes',
  'parse_status',
  'parse_error',
  'verification',
  'verification_detail',
  'webhook_id',
  'handshake',
  'source',
  ...FACT_COLUMNS,
  'facts_json',
  'facts_version',
  'warnings_json',
] as const;

type InsertedColumn = (typeof INSERTED_COLUMNS)[number];

/** Where each column sits in a row's values (see rowValues). */
export const COLUMN = Object.fromEntries(INSERTED_COLUMNS.map((c, i) => [c, i])) as Record<InsertedColumn, number>;

/** A received notification as the row it becomes; the writer settles received_at and warnings_json. */
export type NotificationRow = Omit<SummaryRow, 'id' | 'is_read' | 'starred' | 'note'> & {
  method: string;
  remote_address: string | null;
  headers_json: string;
  body: Uint8Array;
  parse_error: string | null;
  webhook_id: string | null;
  facts_json: string | null;
  facts_version: number;
};

/**
 * What the writer needs to store a notification: its row as positional values (binding a
 * statement by parameter name looks every name up, per parameter, per row) and the subscription
 * facts whose gap state it updates in the same transaction.
 */
export interface NotificationInsert {
  values: SQLInputValue[];
  subscription: SubscriptionFacts | null;
}

/**
 * What the writer did with one insert: wrote it, or found it repeated a stored `webhook-id` and
 * wrote nothing (`duplicateOf` is the original).
 */
export type WrittenRow =
  | {
      id: number;
      /** received_at as written (never earlier than the row before it). */
      receivedAt: number;
      warningsJson: string | null;
      duplicateOf: null;
    }
  | { duplicateOf: NotificationSummary };

/** The row a received notification is inserted as, derived where it was received. */
export function notificationRow(n: IncomingNotification): NotificationRow {
  const facts = factColumns(n.facts);
  return {
    received_at: n.receivedAt,
    endpoint_id: n.endpointId,
    endpoint_path: n.endpointPath,
    method: n.method,
    remote_address: n.remoteAddress,
    headers_json: JSON.stringify(n.headers),
    content_type: n.contentType,
    body: n.body,
    size_bytes: n.body.byteLength,
    parse_status: n.parseStatus,
    parse_error: n.parseError,
    verification: n.verification,
    verification_detail: n.verificationDetail ?? null,
    webhook_id: n.webhookId ?? null,
    handshake: n.handshake ?? null,
    source: n.source,
    event: facts.event,
    event_uri: facts.eventUri,
    event_label: facts.eventLabel,
    resource_types: facts.resourceTypes,
    format: facts.format,
    category: facts.category,
    payload_level: facts.payloadLevel,
    patients_json: facts.patients,
    subscription_ref: facts.subscriptionRef,
    subscription_topic: facts.subscriptionTopic,
    subscription_type: facts.subscriptionType,
    events_since_start: facts.eventsSinceStart,
    event_numbers: facts.eventNumbers,
    facts_json: facts.facts,
    facts_version: FACTS_VERSION,
    warnings_json: null,
  };
}

export function rowValues(row: NotificationRow): SQLInputValue[] {
  return INSERTED_COLUMNS.map((c) => row[c]);
}

export function notificationInsert(n: IncomingNotification, row: NotificationRow): NotificationInsert {
  return { values: rowValues(row), subscription: n.facts?.subscription ?? null };
}

/** The receiver's answer for a row, built from what was written rather than read back. */
export function storedNotification(row: NotificationRow, written: WrittenRow): StoredNotification {
  if (written.duplicateOf !== null) return { summary: written.duplicateOf, duplicate: true };
  const summary = toSummary({
    ...row,
    id: written.id,
    received_at: written.receivedAt,
    warnings_json: written.warningsJson,
    is_read: 0,
    starred: 0,
    note: null,
  });
  return { summary, duplicate: false };
}
