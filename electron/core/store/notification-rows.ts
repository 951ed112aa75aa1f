import type {
  HandshakeKind,
  NotificationDetail,
  NotificationSummary,
  ParseStatus,
  Verification,
} from '../../../shared/contract';
import type {
  EventCategory,
  NotificationFacts,
  NotificationFormat,
  PatientIdentifier,
  PayloadLevel,
  SubscriptionNotificationType,
} from '../../../shared/notifications/notification-facts';

/** The columns that hold what was derived from the body (factColumns). */
export const FACT_COLUMNS = [
  'event',
  'event_uri',
  'event_label',
  'resource_types',
  'format',
  'category',
  'payload_level',
  'patients_json',
  'subscription_ref',
  'subscription_topic',
  'subscription_type',
  'events_since_start',
  'event_numbers',
] as const;

/** The columns every list query reads (no body, no headers). */
export const SUMMARY_COLUMNS = [
  'id',
  'received_at',
  'endpoint_id',
  'endpoint_path',
  'size_bytes',
  'content_type',
  'parse_status',
  'verification',
  'verification_detail',
  'source',
  ...FACT_COLUMNS,
  'handshake',
  'is_read',
  'starred',
  'note',
  'warnings_json',
] as const;

export const summaryColumns = (alias: string): string => SUMMARY_COLUMNS.map((c) => `${alias}.${c}`).join(', ');

export interface SummaryRow {
  id: number;
  received_at: number;
  endpoint_id: number | null;
  endpoint_path: string;
  size_bytes: number;
  content_type: string | null;
  parse_status: ParseStatus;
  verification: Verification;
  verification_detail: string | null;
  source: string | null;
  event: string | null;
  event_uri: string | null;
  event_label: string | null;
  resource_types: string;
  format: NotificationFormat | null;
  category: EventCategory;
  payload_level: PayloadLevel;
  patients_json: string;
  subscription_ref: string | null;
  subscription_topic: string | null;
  subscription_type: SubscriptionNotificationType | null;
  events_since_start: number | null;
  event_numbers: string;
  handshake: HandshakeKind | null;
  is_read: number;
  starred: number;
  note: string | null;
  warnings_json: string | null;
}

export interface DetailRow extends SummaryRow {
  method: string;
  remote_address: string | null;
  headers_json: string;
  body: Uint8Array;
  parse_error: string | null;
  facts_json: string | null;
  webhook_id: string | null;
}

const words = (s: string): string[] => (s === '' ? [] : s.split(' '));

export function toSummary(row: SummaryRow): NotificationSummary {
  const hasSubscription =
    row.subscription_ref !== null || row.subscription_type !== null || row.subscription_topic !== null;
  return {
    id: row.id,
    receivedAt: new Date(row.received_at).toISOString(),
    endpointPath: row.endpoint_path,
    sizeBytes: row.size_bytes,
    contentType: row.content_type,
    parseStatus: row.parse_status,
    verification: row.verification,
    source: row.source,
    event: row.event,
    resourceTypes: words(row.resource_types),
    endpointId: row.endpoint_id,
    format: row.format,
    eventUri: row.event_uri,
    eventLabel: row.event_label,
    category: row.category,
    payloadLevel: row.payload_level,
    patientIdentifiers: JSON.parse(row.patients_json) as PatientIdentifier[],
    subscription: hasSubscription
      ? {
          reference: row.subscription_ref,
          topic: row.subscription_topic,
          type: row.subscription_type,
          eventsSinceStart: row.events_since_start,
          eventNumbers: words(row.event_numbers).map(Number),
        }
      : null,
    handshake: row.handshake,
    verificationDetail: row.verification_detail,
    read: row.is_read === 1,
    starred: row.starred === 1,
    note: row.note,
    warnings: row.warnings_json === null ? [] : (JSON.parse(row.warnings_json) as string[]),
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBody(bytes: Uint8Array): Pick<NotificationDetail, 'body' | 'bodyEncoding'> {
  try {
    return { body: utf8.decode(bytes), bodyEncoding: 'utf8' };
  } catch {
    return { body: Buffer.from(bytes).toString('base64'), bodyEncoding: 'base64' };
  }
}

export function toDetail(row: DetailRow): NotificationDetail {
  return {
    ...toSummary(row),
    method: row.method,
    remoteAddress: row.remote_address,
    headers: JSON.parse(row.headers_json) as [string, string][],
    ...decodeBody(row.body),
    parseError: row.parse_error,
    facts: row.facts_json === null ? null : (JSON.parse(row.facts_json) as NotificationFacts),
    webhookId: row.webhook_id,
  };
}

/**
 * The facts as the notification row's columns: one mapping for rows stored at receipt and rows
 * derived later by the backfill, so both read the same.
 */
export function factColumns(facts: NotificationFacts | null) {
  const sub = facts?.subscription ?? null;
  return {
    event: facts?.event?.code ?? null,
    eventUri: facts?.event?.uri ?? null,
    eventLabel: facts?.event?.label ?? null,
    resourceTypes: (facts?.resourceTypes ?? []).join(' '),
    format: facts?.format ?? null,
    category: facts?.category ?? 'unknown',
    payloadLevel: facts?.payloadLevel ?? 'unknown',
    patients: JSON.stringify(facts?.patientIdentifiers ?? []),
    subscriptionRef: sub?.reference ?? null,
    subscriptionTopic: sub?.topic ?? null,
    subscriptionType: sub?.type ?? null,
    eventsSinceStart: sub?.eventsSinceStart ?? null,
    eventNumbers: (sub?.eventNumbers ?? []).join(' '),
    facts: facts === null ? null : JSON.stringify(facts),
  };
}
