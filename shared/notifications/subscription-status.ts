import { counter, isObject, list, objects, text, type JsonObject } from './json';
import { subscriptionNotificationTypes, type SubscriptionFacts, type SubscriptionNotificationType } from './notification-facts';

/**
 * Reading the status that heads every FHIR Subscriptions notification (reference doc B1/B2), in
 * both carriers: the R4 Backport `Parameters` (kebab-case parameter names, values in `value[x]`)
 * and the R4B/R5 `SubscriptionStatus` resource (camelCase elements).
 */

export interface SubscriptionStatusFacts {
  subscription: SubscriptionFacts;
  /** notificationEvent.focus references, as sent, in order. */
  focusReferences: string[];
  /** The first notification event's timestamp, as sent. */
  firstEventTimestamp: string | null;
}

const isNotificationType = (value: string | null): value is SubscriptionNotificationType =>
  value !== null && (subscriptionNotificationTypes as readonly string[]).includes(value);

const referenceOf = (value: unknown): string | null => (isObject(value) ? text(value.reference) : null);

/** CodeableConcept → the most readable thing in it. */
function conceptText(value: unknown): string | null {
  if (!isObject(value)) return text(value);
  const coding = objects(value.coding)[0];
  return text(value.text) ?? (coding ? (text(coding.display) ?? text(coding.code)) : null);
}

const statusProfile = /backport-subscription-status/;

/** Whether a Parameters resource is a backport subscription status (profile, or its tell-tale parameters). */
export function isStatusParameters(resource: JsonObject): boolean {
  if (resource.resourceType !== 'Parameters') return false;
  const profiles = isObject(resource.meta) ? list(resource.meta.profile) : [];
  if (profiles.some((profile) => typeof profile === 'string' && statusProfile.test(profile))) return true;
  return objects(resource.parameter).some((parameter) => {
    const name = text(parameter.name);
    return name === 'subscription' || name === 'events-since-subscription-start' || name === 'notification-event';
  });
}

/** A Parameters part's value whatever `value[x]` the sender chose. */
function partValue(part: JsonObject, ...types: string[]): unknown {
  for (const type of types) {
    const value = part[`value${type}`];
    if (value !== undefined) return value;
  }
  return undefined;
}

const numberTypes = ['String', 'Integer64', 'Integer', 'UnsignedInt', 'PositiveInt', 'Decimal'];
const stringTypes = ['Canonical', 'Uri', 'Url', 'String', 'Code'];

function readParameters(resource: JsonObject): SubscriptionStatusFacts {
  const parameters = objects(resource.parameter);
  const named = (name: string) => parameters.filter((parameter) => text(parameter.name) === name);
  const first = (name: string) => named(name)[0] ?? null;
  const stringOf = (parameter: JsonObject | null) => (parameter ? text(partValue(parameter, ...stringTypes)) : null);

  const subscriptionParameter = first('subscription');
  const reference = subscriptionParameter
    ? (referenceOf(subscriptionParameter.valueReference) ?? stringOf(subscriptionParameter))
    : null;
  const typeText = stringOf(first('type'));
  const eventsParameter = first('events-since-subscription-start');
  const eventNumbers: number[] = [];
  const focusReferences: string[] = [];
  let firstEventTimestamp: string | null = null;
  for (const event of named('notification-event')) {
    const parts = objects(event.part);
    const part = (name: string) => parts.find((candidate) => text(candidate.name) === name) ?? null;
    const numberPart = part('event-number');
    const eventNumber = numberPart ? counter(partValue(numberPart, ...numberTypes)) : null;
    if (eventNumber !== null) eventNumbers.push(eventNumber);
    const focusPart = part('focus');
    const focus = focusPart ? referenceOf(focusPart.valueReference) : null;
    if (focus !== null) focusReferences.push(focus);
    const timestampPart = part('timestamp');
    firstEventTimestamp ??= timestampPart ? text(partValue(timestampPart, 'Instant', 'DateTime', 'String')) : null;
  }
  return {
    subscription: {
      reference,
      topic: stringOf(first('topic')),
      status: stringOf(first('status')),
      type: isNotificationType(typeText) ? typeText : null,
      eventsSinceStart: eventsParameter ? counter(partValue(eventsParameter, ...numberTypes)) : null,
      eventNumbers,
      errors: named('error')
        .map((parameter) => conceptText(parameter.valueCodeableConcept ?? partValue(parameter, ...stringTypes)))
        .filter((error): error is string => error !== null),
    },
    focusReferences,
    firstEventTimestamp,
  };
}

function readSubscriptionStatus(resource: JsonObject): SubscriptionStatusFacts {
  const typeText = text(resource.type);
  const events = objects(resource.notificationEvent);
  const eventNumbers = events.map((event) => counter(event.eventNumber)).filter((n): n is number => n !== null);
  const focusReferences = events.map((event) => referenceOf(event.focus)).filter((r): r is string => r !== null);
  return {
    subscription: {
      reference: referenceOf(resource.subscription) ?? text(resource.subscription),
      topic: text(resource.topic),
      status: text(resource.status),
      type: isNotificationType(typeText) ? typeText : null,
      eventsSinceStart: counter(resource.eventsSinceSubscriptionStart),
      eventNumbers,
      errors: list(resource.error)
        .map(conceptText)
        .filter((error): error is string => error !== null),
    },
    focusReferences,
    firstEventTimestamp: events.map((event) => text(event.timestamp)).find((t) => t !== null) ?? null,
  };
}

/** Reads either carrier; null when `resource` is neither. */
export function readSubscriptionStatusResource(resource: JsonObject): SubscriptionStatusFacts | null {
  if (resource.resourceType === 'SubscriptionStatus') return readSubscriptionStatus(resource);
  if (isStatusParameters(resource)) return readParameters(resource);
  return null;
}
