import { z } from 'zod';
import { SubscriptionNotificationTypeSchema } from './notification-facts';

/** What the receiver knows about one FHIR subscription from the notifications it sent. */
export const SubscriptionState = z.object({
  /**
   * What it is tracked under, to pass to subscriptions.configure and the inbox's subscription
   * filter: its absolute URL (normalised, no `_history`) when a notification gave one; else its
   * relative reference scoped by the endpoint it arrives at (`endpoint/2/Subscription/1`: two
   * endpoints' `Subscription/1` are two subscriptions). A relative reference joins the one absolute
   * URL with its id on the same endpoint.
   */
  key: z.string(),
  /** The reference to show: `key` without the endpoint scope (the absolute URL, or `Subscription/<id>`). */
  reference: z.string(),
  /** Every reference its notifications were sent under, as sent (what the inbox's subscription filter matches). */
  references: z.array(z.string()),
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
  /** Distinct event numbers received (repeats not counted); null when tracked by an older build, which did not count them. */
  eventsReceived: z.number().int().nonnegative().nullable(),
  /** The highest event number seen (eventsSinceSubscriptionStart or an event's eventNumber). */
  highestEventNumber: z.number().nullable(),
  /** Event numbers skipped and not (yet) received, lowest first (at most 200 listed). */
  missingEvents: z.array(z.number()),
  missingCount: z.number().int().nonnegative(),
  /** Event numbers received more than once. */
  repeatedCount: z.number().int().nonnegative(),
  /** Expected heartbeat period: set by hand, else the interval between the last two heartbeats; null: none expected, or unknown. */
  heartbeatPeriodSeconds: z.number().int().positive().nullable(),
  /** `none`: set by hand to expect no heartbeat (never overdue); null: nothing set and nothing to infer from. */
  heartbeatPeriodSource: z.enum(['configured', 'inferred', 'none']).nullable(),
  /** Nothing has arrived for longer than the heartbeat period (plus a little slack) as of the call. */
  heartbeatOverdue: z.boolean(),
  /** Readable warnings: missing or repeated events, a missed heartbeat, an error status. */
  warnings: z.array(z.string()),
});
export type SubscriptionState = z.infer<typeof SubscriptionState>;

export const SubscriptionConfigureInput = z
  .object({
    /** Its `key` from subscriptions.list, or a reference it was sent under when that names one subscription. */
    reference: z.string().min(1).max(500),
    /**
     * The Subscription's heartbeatPeriod in seconds; `none`: it has none (never warn of a missed
     * heartbeat); null: infer it from the heartbeats received again.
     */
    heartbeatPeriodSeconds: z.union([z.number().int().min(1).max(7 * 24 * 3600), z.literal('none')]).nullable(),
  })
  .strict();
