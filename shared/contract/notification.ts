import { z } from 'zod';

export const parseStatuses = ['ok', 'malformed-json', 'unsupported-media-type'] as const;
export const ParseStatus = z.enum(parseStatuses);
export type ParseStatus = z.infer<typeof ParseStatus>;

/** How the sender proved itself: no check configured, or a shared token that matched. */
export const Verification = z.enum(['none', 'token']);
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
});
export type NotificationDetail = z.infer<typeof NotificationDetail>;

export const NotificationListInput = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  /** Keyset cursor: only notifications older than this id (ids grow with arrival). */
  beforeId: z.number().int().positive().optional(),
});
export type NotificationListInput = z.input<typeof NotificationListInput>;

export const NotificationPage = z.object({
  items: z.array(NotificationSummary),
  nextBeforeId: z.number().int().positive().nullable(),
  total: z.number().int().nonnegative(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;
