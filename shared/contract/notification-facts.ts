import { z } from 'zod';
import {
  eventCategories,
  type NotificationFacts,
  type NotificationFormat,
  payloadLevels,
  subscriptionNotificationTypes,
} from '../notifications/notification-facts';

/**
 * The derived facts (`shared/notifications/notification-facts.ts`) as zod schemas, so they can
 * cross the contract. The assertions at the bottom keep the two in step at compile time.
 */
const notificationFormats = [
  'redox-message',
  'fhir-message',
  'subscription-r4-backport',
  'subscription-r4b',
  'subscription-r5',
  'bundle',
  'resource',
  'not-fhir',
] as const satisfies readonly NotificationFormat[];

export const NotificationFormatSchema = z.enum(notificationFormats);
export const SubscriptionNotificationTypeSchema = z.enum(subscriptionNotificationTypes);
export const EventCategory = z.enum(eventCategories);
export type EventCategory = z.infer<typeof EventCategory>;
export const PayloadLevel = z.enum(payloadLevels);
export type PayloadLevel = z.infer<typeof PayloadLevel>;

export const PatientIdentifierSchema = z.object({ system: z.string().nullable(), value: z.string() });

/** Which handshake a stored request was: Redox's destination verification or a FHIR Subscription handshake. */
export const HandshakeKind = z.enum(['redox-verification', 'fhir-subscription']);
export type HandshakeKind = z.infer<typeof HandshakeKind>;

export const SubscriptionFactsSchema = z.object({
  reference: z.string().nullable(),
  topic: z.string().nullable(),
  status: z.string().nullable(),
  type: SubscriptionNotificationTypeSchema.nullable(),
  eventsSinceStart: z.number().nullable(),
  eventNumbers: z.array(z.number()),
  errors: z.array(z.string()),
});

/** What the inbox list shows of a subscription notification. */
export const SubscriptionSummary = SubscriptionFactsSchema.pick({
  reference: true,
  topic: true,
  type: true,
  eventsSinceStart: true,
  eventNumbers: true,
});
export type SubscriptionSummary = z.infer<typeof SubscriptionSummary>;

export const NotificationFactsSchema = z.object({
  format: NotificationFormatSchema,
  event: z.object({ code: z.string(), uri: z.string().nullable(), label: z.string() }).nullable(),
  category: EventCategory,
  payloadLevel: PayloadLevel,
  resourceTypes: z.array(z.string()),
  patientIdentifiers: z.array(PatientIdentifierSchema),
  patientReferences: z.array(z.string()),
  focusReferences: z.array(z.string()),
  source: z.string().nullable(),
  subscription: SubscriptionFactsSchema.nullable(),
  timestamp: z.string().nullable(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameFacts: Same<z.infer<typeof NotificationFactsSchema>, NotificationFacts> = true;
const sameFormats: Same<z.infer<typeof NotificationFormatSchema>, NotificationFormat> = true;
void sameFacts;
void sameFormats;
