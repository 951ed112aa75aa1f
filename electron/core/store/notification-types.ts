import type { HandshakeKind, NotificationSummary, ParseStatus, Verification } from '../../../shared/contract';
import type { NotificationFacts } from '../../../shared/notifications/notification-facts';

/** A request as the receiver saw it, with what was derived at receipt. */
export interface IncomingNotification {
  receivedAt: number;
  /** The endpoint it arrived at (null only for rows written without one, e.g. in tests of old data). */
  endpointId: number | null;
  endpointPath: string;
  method: string;
  remoteAddress: string | null;
  headers: [string, string][];
  contentType: string | null;
  body: Uint8Array;
  parseStatus: ParseStatus;
  parseError: string | null;
  verification: Verification;
  verificationDetail?: string | null;
  /** Standard Webhooks `webhook-id`: a second notification with the same id on the same endpoint is a duplicate. */
  webhookId?: string | null;
  handshake?: HandshakeKind | null;
  /** MessageHeader.source, else who sent it (application-name, user agent, address). */
  source: string | null;
  /** null when the body is not JSON. */
  facts: NotificationFacts | null;
}

export interface StoredNotification {
  summary: NotificationSummary;
  /** A repeat of a `webhook-id` already stored: nothing new was written; `summary` is the original. */
  duplicate: boolean;
}
