/**
 * What Switchboard derives from a notification body at receipt, stored with it and indexed so the
 * inbox can filter on it. `deriveNotificationFacts` (derive-facts.ts) produces it; the receiver
 * stores it; the inbox reads it.
 */

/** Which shape the body has. */
export type NotificationFormat =
  /** A FHIR message Bundle whose MessageHeader names a Redox event (eventUri or urn:redox eventCoding). */
  | 'redox-message'
  /** Any other FHIR message Bundle (incl. the R5 messaging channel wrapping a subscription notification). */
  | 'fhir-message'
  /** R4 Backport: history Bundle, status in a Parameters (backport-subscription-status-r4) entry. */
  | 'subscription-r4-backport'
  /** R4B Backport: history Bundle, status in a SubscriptionStatus entry. */
  | 'subscription-r4b'
  /** R5: subscription-notification Bundle. */
  | 'subscription-r5'
  /** Some other Bundle (collection, transaction, searchset…). */
  | 'bundle'
  /** A single FHIR resource. */
  | 'resource'
  /** Valid JSON that is not FHIR. */
  | 'not-fhir';

export const subscriptionNotificationTypes = ['handshake', 'heartbeat', 'event-notification', 'query-status', 'query-event'] as const;
export type SubscriptionNotificationType = (typeof subscriptionNotificationTypes)[number];

/** Lightweight = ids/references only (Redox lightweight, Subscriptions id-only); detailed = full resources. */
export const payloadLevels = ['lightweight', 'detailed', 'empty', 'unknown'] as const;
export type PayloadLevel = (typeof payloadLevels)[number];

export const eventCategories = ['administrative', 'clinical', 'financial', 'unknown'] as const;
export type EventCategory = (typeof eventCategories)[number];

export interface PatientIdentifier {
  system: string | null;
  value: string;
}

export interface SubscriptionFacts {
  /** `Subscription/123` or the absolute URL as sent. */
  reference: string | null;
  topic: string | null;
  status: string | null;
  type: SubscriptionNotificationType | null;
  /** eventsSinceSubscriptionStart (a string in JSON: integer64), as a number. */
  eventsSinceStart: number | null;
  /** The event numbers this notification carries, in order. */
  eventNumbers: number[];
  /** Error codes/texts the status reports. */
  errors: string[];
}

export interface NotificationFacts {
  format: NotificationFormat;
  /** The event as sent: `code` is the short name (`PatientAdminPatientArrived`), `uri` exactly as received. */
  event: { code: string; uri: string | null; label: string } | null;
  category: EventCategory;
  payloadLevel: PayloadLevel;
  /** Every distinct resource type in the body, in order of first appearance. */
  resourceTypes: string[];
  patientIdentifiers: PatientIdentifier[];
  /** `Patient/…` references found in focus, subjects and entries. */
  patientReferences: string[];
  /** MessageHeader.focus or notificationEvent.focus references, as sent. */
  focusReferences: string[];
  /** MessageHeader.source.name/endpoint. */
  source: string | null;
  subscription: SubscriptionFacts | null;
  /** Bundle.timestamp or the MessageHeader/notification timestamp, as sent. */
  timestamp: string | null;
}
