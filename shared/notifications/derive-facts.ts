import { detectFormat, type DetectedFormat, type SubscriptionDetected } from './detect-format';
import { describeEvent } from './event-catalog';
import { isObject, text, type JsonObject } from './json';
import type { EventCategory, NotificationFacts, PayloadLevel, SubscriptionNotificationType } from './notification-facts';
import { contentEntries, levelOfEntries, resourceLevel } from './payload-level';
import { createPatientIdentityCollector } from './patient-identity';
import { readMessageHeader } from './redox-message';
import { readSubscriptionStatusResource, type SubscriptionStatusFacts } from './subscription-status';
import { forEachObject } from './walk-json';

type EventFacts = NotificationFacts['event'];

/** Everything the walk over the whole body finds: resource types and patient identity. */
function walkBody(json: unknown) {
  const types = new Set<string>();
  const patients = createPatientIdentityCollector();
  forEachObject(json, (node) => {
    const type = text(node.resourceType);
    if (type !== null) types.add(type);
    patients.visit(node);
  });
  return { resourceTypes: [...types], ...patients.result() };
}

function namedEvent(codeOrUri: string, uri: string | null): { event: EventFacts; category: EventCategory } {
  const described = describeEvent(codeOrUri);
  return { event: { code: described.code, uri, label: described.label }, category: described.category };
}

const controlLabels: Partial<Record<SubscriptionNotificationType, string>> = {
  handshake: 'Subscription handshake',
  heartbeat: 'Subscription heartbeat',
  'query-status': 'Subscription status',
};

/**
 * A subscription notification's event is its topic. Handshakes, heartbeats and status results
 * report on the channel rather than on an event, so they are named after their type instead
 * (their topic, when present, would wrongly read as "something happened").
 */
function subscriptionEvent(status: SubscriptionStatusFacts): { event: EventFacts; category: EventCategory } {
  const { type, topic } = status.subscription;
  const control = type ? controlLabels[type] : undefined;
  if (type && control) return { event: { code: type, uri: null, label: control }, category: 'unknown' };
  return topic ? namedEvent(topic, topic) : { event: null, category: 'unknown' };
}

interface SubscriptionPart {
  status: SubscriptionStatusFacts;
  payloadLevel: PayloadLevel;
  timestamp: string | null;
}

function readSubscription(detected: SubscriptionDetected): SubscriptionPart {
  // detectFormat only reports a status it could read, so the fallback is for the type checker.
  const status = readSubscriptionStatusResource(detected.status) ?? emptyStatus();
  const entries = contentEntries(detected.bundle, (_, index) => index === detected.statusIndex);
  return {
    status,
    payloadLevel: levelOfEntries(entries, { anyResourceIsDetailed: true, hasFocus: status.focusReferences.length > 0 }),
    timestamp: text(detected.bundle.timestamp) ?? status.firstEventTimestamp,
  };
}

function emptyStatus(): SubscriptionStatusFacts {
  return {
    subscription: { reference: null, topic: null, status: null, type: null, eventsSinceStart: null, eventNumbers: [], errors: [] },
    focusReferences: [],
    firstEventTimestamp: null,
  };
}

type FormatFacts = Pick<
  NotificationFacts,
  'event' | 'category' | 'payloadLevel' | 'focusReferences' | 'source' | 'subscription' | 'timestamp'
>;

const nothing: FormatFacts = {
  event: null,
  category: 'unknown',
  payloadLevel: 'unknown',
  focusReferences: [],
  source: null,
  subscription: null,
  timestamp: null,
};

function fromSubscription(part: SubscriptionPart): FormatFacts {
  return {
    ...subscriptionEvent(part.status),
    payloadLevel: part.payloadLevel,
    focusReferences: part.status.focusReferences,
    source: null,
    subscription: part.status.subscription,
    timestamp: part.timestamp,
  };
}

function messageFacts(bundle: JsonObject, headerResource: JsonObject, inner: SubscriptionDetected | null): FormatFacts {
  const header = readMessageHeader(headerResource);
  const timestamp = text(bundle.timestamp);
  if (inner) {
    // The R5 messaging channel: the header only says "a subscription notification"; the inner
    // Bundle says what happened.
    const part = readSubscription(inner);
    const facts = fromSubscription(part);
    return {
      ...facts,
      focusReferences: facts.focusReferences.length > 0 ? facts.focusReferences : header.focusReferences,
      source: header.source,
      timestamp: timestamp ?? part.timestamp,
    };
  }
  const eventName = header.eventUri ?? header.eventCode;
  const entries = contentEntries(bundle, (entry) => entry.resource === headerResource);
  return {
    ...(eventName ? namedEvent(eventName, header.eventUri) : { event: null, category: 'unknown' as const }),
    payloadLevel: levelOfEntries(entries, { anyResourceIsDetailed: false, hasFocus: header.focusReferences.length > 0 }),
    focusReferences: header.focusReferences,
    source: header.source,
    subscription: null,
    timestamp,
  };
}

function bundleFacts(bundle: JsonObject, statusResource: JsonObject | null): FormatFacts {
  const status = statusResource ? readSubscriptionStatusResource(statusResource) : null;
  const entries = contentEntries(bundle, (entry) => statusResource !== null && readsAsStatus(entry));
  const base: FormatFacts = {
    ...nothing,
    payloadLevel: levelOfEntries(entries, { anyResourceIsDetailed: false, hasFocus: false }),
    timestamp: text(bundle.timestamp),
  };
  if (!status) return base;
  // A $status searchset: report the first subscription's status.
  return { ...base, ...subscriptionEvent(status), subscription: status.subscription };
}

const readsAsStatus = (entry: JsonObject): boolean =>
  isObject(entry.resource) && readSubscriptionStatusResource(entry.resource) !== null;

function formatFacts(detected: DetectedFormat): FormatFacts {
  switch (detected.format) {
    case 'not-fhir':
      return nothing;
    case 'resource':
      return { ...nothing, payloadLevel: resourceLevel(detected.resource) };
    case 'bundle':
      return bundleFacts(detected.bundle, detected.status);
    case 'redox-message':
    case 'fhir-message':
      return messageFacts(detected.bundle, detected.header, detected.inner);
    default:
      return fromSubscription(readSubscription(detected));
  }
}

/**
 * Everything Switchboard derives from a notification body (see notification-facts.ts). Accepts
 * any JSON value and never throws: a body is stored whatever it holds, and the facts are only an
 * index over it. Runs in time linear in the size of the body (one walk plus a few passes over the
 * top-level entries).
 */
export function deriveNotificationFacts(json: unknown): NotificationFacts {
  try {
    const detected = detectFormat(json);
    return { format: detected.format, ...walkBody(json), ...formatFacts(detected) };
  } catch {
    // Only reachable with non-JSON input (a getter that throws, a Proxy…); JSON.parse output never gets here.
    return { format: 'not-fhir', resourceTypes: [], patientIdentifiers: [], patientReferences: [], ...nothing };
  }
}
