import { z } from 'zod';
import {
  EventCategory,
  HandshakeKind,
  NotificationFactsSchema,
  NotificationFormatSchema,
  PatientIdentifierSchema,
  PayloadLevel,
  SubscriptionSummary,
} from './notification-facts';

export const parseStatuses = ['ok', 'malformed-json', 'unsupported-media-type'] as const;
export const ParseStatus = z.enum(parseStatuses);
export type ParseStatus = z.infer<typeof ParseStatus>;

/**
 * How the sender proved itself: no check configured on its endpoint, a shared token that matched,
 * or a Standard Webhooks HMAC signature that matched. Refused requests are never stored (only counted).
 */
export const verifications = ['none', 'token', 'hmac'] as const;
export const Verification = z.enum(verifications);
export type Verification = z.infer<typeof Verification>;

export const NotificationSummary = z.object({
  id: z.number().int().positive(),
  receivedAt: z.iso.datetime(),
  endpointPath: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  contentType: z.string().nullable(),
  parseStatus: ParseStatus,
  verification: Verification,
  /** Who sent it: MessageHeader.source, else the sender's application-name/user-agent, else its address. */
  source: z.string().nullable(),
  /** Short event name (e.g. `PatientAdminPatientArrived`) when the body declares one. */
  event: z.string().nullable(),
  /** Every distinct FHIR resource type found in the body, in order of first appearance. */
  resourceTypes: z.array(z.string()),
  // ── Facts derived at receipt (issue 4). Older rows get them from a background backfill; until
  // then `format` is null and the rest hold their neutral values.
  /** The receiver endpoint it arrived at; null when that endpoint has since been deleted. */
  endpointId: z.number().int().positive().nullable(),
  format: NotificationFormatSchema.nullable(),
  /** The event URI exactly as sent (MessageHeader.eventUri / eventCoding system+code). */
  eventUri: z.string().nullable(),
  /** A readable label for the event (e.g. `Patient arrived`). */
  eventLabel: z.string().nullable(),
  category: EventCategory,
  payloadLevel: PayloadLevel,
  patientIdentifiers: z.array(PatientIdentifierSchema),
  /** FHIR Subscriptions: which subscription, its topic, the notification type and event numbers. */
  subscription: SubscriptionSummary.nullable(),
  /** A verification handshake (Redox destination verification, FHIR Subscription handshake), stored as such. */
  handshake: HandshakeKind.nullable(),
  /** What the check found, e.g. `v1 signature matched secret 2 of 2`; null when nothing was checked. */
  verificationDetail: z.string().nullable(),
  read: z.boolean(),
  starred: z.boolean(),
  note: z.string().nullable(),
  /** Gap detection at receipt: missing or repeated event numbers this notification revealed. */
  warnings: z.array(z.string()),
});
export type NotificationSummary = z.infer<typeof NotificationSummary>;

export const NotificationDetail = NotificationSummary.extend({
  method: z.string(),
  remoteAddress: z.string().nullable(),
  /** Header name/value pairs as received, in order; credentials replaced by `[redacted]`. */
  headers: z.array(z.tuple([z.string(), z.string()])),
  /** The body exactly as received: UTF-8 text, or base64 when the bytes are not valid UTF-8. */
  body: z.string(),
  bodyEncoding: z.enum(['utf8', 'base64']),
  parseError: z.string().nullable(),
  /** Everything derived at receipt (references, focus, timestamp, subscription status and errors); null until derived. */
  facts: NotificationFactsSchema.nullable(),
  /** Standard Webhooks `webhook-id` (the dedupe key) when the sender gave one. */
  webhookId: z.string().nullable(),
});
export type NotificationDetail = z.infer<typeof NotificationDetail>;

/**
 * What the inbox shows: every field optional, all given fields must hold (AND); list fields match
 * any of their values (OR). Also what a saved view keeps.
 */
export const NotificationFilter = z
  .object({
    /** Received at or after this instant. */
    receivedFrom: z.iso.datetime({ offset: true }).optional(),
    /** Received before this instant. */
    receivedTo: z.iso.datetime({ offset: true }).optional(),
    endpointIds: z.array(z.number().int().positive()).max(100).optional(),
    /**
     * Events, each as a code (`PatientAdminPatientArrived`), its label (`Patient arrived`) or a topic;
     * a catalogue event matches every spelling senders use for it (`encounter-start` too).
     */
    events: z.array(z.string().min(1).max(200)).max(100).optional(),
    categories: z.array(EventCategory).optional(),
    payloadLevels: z.array(PayloadLevel).optional(),
    /** Notifications holding a resource of any of these types. */
    resourceTypes: z.array(z.string().min(1).max(100)).max(50).optional(),
    /** A patient identifier in the body; without `system`, any system. */
    patient: z.object({ system: z.string().max(500).optional(), value: z.string().min(1).max(500) }).optional(),
    /** A patient reference as sent, e.g. `Patient/123`. */
    patientReference: z.string().min(1).max(500).optional(),
    verifications: z.array(Verification).optional(),
    parseStatuses: z.array(ParseStatus).optional(),
    read: z.boolean().optional(),
    starred: z.boolean().optional(),
    /** true: only handshakes; false: no handshakes. */
    handshake: z.boolean().optional(),
    /**
     * A subscription: its `key` from subscriptions.list, or a reference it was sent under; matches
     * its notifications whichever of its references they carry (a relative one only at its
     * endpoint). A reference that names no one subscription matches the notifications sent under it.
     */
    subscription: z.string().min(1).max(500).optional(),
    /** Only notifications with (true) or without (false) gap warnings. */
    hasWarnings: z.boolean().optional(),
    /**
     * Full-text search over bodies (SQLite FTS5). Words must all appear (any order); "quoted words"
     * must appear together; a trailing * matches a prefix (`hemo*`). Other FTS5 syntax is taken literally.
     */
    text: z.string().max(500).optional(),
  })
  .strict();
export type NotificationFilter = z.infer<typeof NotificationFilter>;

export const NotificationListInput = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  /** Keyset cursor: only notifications older than this id (ids grow with arrival). */
  beforeId: z.number().int().positive().optional(),
  filter: NotificationFilter.optional(),
  /**
   * `newest` (default): newest first, paged with `beforeId`. `relevance`: with `filter.text`, the
   * best matches first (FTS5 rank), one page only (`nextBeforeId` is null).
   */
  order: z.enum(['newest', 'relevance']).optional(),
});
export type NotificationListInput = z.input<typeof NotificationListInput>;

/** Counting every match of a filter over a million rows on each keystroke is too slow: filtered counts stop here. */
export const NOTIFICATION_COUNT_CAP = 1_000;

export const NotificationPage = z.object({
  items: z.array(NotificationSummary),
  /**
   * Cursor for the next page, null at the end. A text search scans a bounded window per call, so a
   * page may hold fewer than `limit` items while `nextBeforeId` is not null: keep asking.
   */
  nextBeforeId: z.number().int().positive().nullable(),
  /** How many match: exact without a filter (or with only endpoints); else counted up to NOTIFICATION_COUNT_CAP. */
  total: z.number().int().nonnegative(),
  /** `at-least`: more than `total` match (the count stopped at the cap). */
  totalKind: z.enum(['exact', 'at-least']),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationMarkInput = z
  .object({
    ids: z.array(z.number().int().positive()).min(1).max(10_000),
    read: z.boolean().optional(),
    starred: z.boolean().optional(),
    /** A free-text note; null or '' removes it. */
    note: z.string().max(10_000).nullable().optional(),
  })
  .strict();
export type NotificationMarkInput = z.input<typeof NotificationMarkInput>;

/** Sent after `notifications.mark`, so every window updates its rows. */
export const NotificationsMarked = z.object({
  ids: z.array(z.number().int().positive()),
  read: z.boolean().optional(),
  starred: z.boolean().optional(),
  note: z.string().nullable().optional(),
});
export type NotificationsMarked = z.infer<typeof NotificationsMarked>;

/**
 * Export is chunked: each call returns at most ~8 MB of text and a cursor; call again with
 * `beforeId: nextBeforeId` until it is null, and join the chunks (e.g. as Blob parts). CSV has its
 * header only in the first chunk.
 */
export const NotificationExportInput = z
  .object({
    format: z.enum(['ndjson', 'csv']),
    /** Exactly these notifications (newest first); else everything `filter` matches. */
    ids: z.array(z.number().int().positive()).max(100_000).optional(),
    filter: NotificationFilter.optional(),
    beforeId: z.number().int().positive().optional(),
  })
  .strict();
export type NotificationExportInput = z.input<typeof NotificationExportInput>;

export const NotificationExportChunk = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
  /** Notifications in this chunk. */
  count: z.number().int().nonnegative(),
  nextBeforeId: z.number().int().positive().nullable(),
});
export type NotificationExportChunk = z.infer<typeof NotificationExportChunk>;
