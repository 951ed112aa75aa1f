import { z } from 'zod';
import { SubscriptionNotificationTypeSchema } from './notification-facts';

/** What the receiver knows about one FHIR subscription from the notifications it sent. */
export const SubscriptionState = z.object({
  /** As sent (`Subscription/123` or its URL). */
  reference: z.string(),
  /** The endpoint its notifications arrive at. */
  endpointId: z.number().int().positive().nullable(),
  topic: z.string().nullable(),
  /** The status the server last reported (requested, active, error, off…). */
  status: z.string().nullable(),
  lastType: SubscriptionNotificationTypeSchema.nullable(),
  firstReceivedAt: z.iso.datetime(),
  lastReceivedAt: z.iso.datetime(),
  lastHeartbeatAt: z.iso.datetime().nullable(),
  handshakeAt: z.iso.datetime().nullable(),
  notificationCount: z.number().int().nonnegative(),
  /** The highest event number seen (eventsSinceSubscriptionStart or an event's eventNumber). */
  highestEventNumber: z.number().nullable(),
  /** Event numbers skipped and not (yet) received, lowest first (at most 200 listed). */
  missingEvents: z.array(z.number()),
  missingCount: z.number().int().nonnegative(),
  /** Event numbers received more than once. */
  repeatedCount: z.number().int().nonnegative(),
  /** Expected heartbeat period: set by hand, else inferred from the gaps before heartbeats; null: unknown. */
  heartbeatPeriodSeconds: z.number().int().positive().nullable(),
  heartbeatPeriodSource: z.enum(['configured', 'inferred']).nullable(),
  /** Readable warnings: missing or repeated events, a missed heartbeat, an error status. */
  warnings: z.array(z.string()),
});
export type SubscriptionState = z.infer<typeof SubscriptionState>;

export const SubscriptionConfigureInput = z
  .object({
    reference: z.string().min(1).max(500),
    /** The Subscription's heartbeatPeriod; null returns to inferring it. */
    heartbeatPeriodSeconds: z.number().int().min(1).max(7 * 24 * 3600).nullable(),
  })
  .strict();
