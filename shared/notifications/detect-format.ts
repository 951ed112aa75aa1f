import { entryResources, isObject, text, type JsonObject } from './json';
import type { NotificationFormat } from './notification-facts';
import { findMessageHeader, readMessageHeader } from './redox-message';
import { isStatusParameters } from './subscription-status';

/** Which shape a body has, and where its key parts sit, so later steps need not look again. */
export type DetectedFormat =
  | { format: 'not-fhir' }
  | { format: 'resource'; resource: JsonObject }
  | { format: 'bundle'; bundle: JsonObject; status: JsonObject | null }
  | {
      format: 'redox-message' | 'fhir-message';
      bundle: JsonObject;
      header: JsonObject;
      /** The subscription notification a messaging-channel wrapper carries (R5, reference doc B1). */
      inner: SubscriptionDetected | null;
    }
  | SubscriptionDetected;

export interface SubscriptionDetected {
  format: 'subscription-r4-backport' | 'subscription-r4b' | 'subscription-r5';
  bundle: JsonObject;
  /** The status carrier: Parameters (R4) or SubscriptionStatus (R4B, R5). */
  status: JsonObject;
  /** Its index among the entries, so payload rules can skip it. */
  statusIndex: number;
}

const isStatusCarrier = (resource: JsonObject | null): resource is JsonObject =>
  resource !== null && (resource.resourceType === 'SubscriptionStatus' || isStatusParameters(resource));

/** The first status carrier among the entries (the spec puts it at entry[0]; senders slip). */
function findStatus(bundle: JsonObject): { status: JsonObject; statusIndex: number } | null {
  const resources = entryResources(bundle);
  const statusIndex = resources.findIndex(isStatusCarrier);
  const status = statusIndex >= 0 ? resources[statusIndex] : null;
  return status ? { status, statusIndex } : null;
}

function detectSubscription(bundle: JsonObject): SubscriptionDetected | null {
  const type = text(bundle.type);
  if (type !== 'history' && type !== 'subscription-notification') return null;
  const found = findStatus(bundle);
  if (!found) return null;
  const format =
    type === 'subscription-notification'
      ? 'subscription-r5'
      : found.status.resourceType === 'Parameters'
        ? 'subscription-r4-backport'
        : 'subscription-r4b';
  return { format, bundle, ...found };
}

function detectMessage(bundle: JsonObject): DetectedFormat | null {
  const type = text(bundle.type);
  const first = entryResources(bundle)[0];
  // A message Bundle, or one that forgot its type but still leads with a MessageHeader.
  if (type !== 'message' && !(type === null && first?.resourceType === 'MessageHeader')) return null;
  const header = findMessageHeader(bundle);
  if (!header) return null;
  let inner: SubscriptionDetected | null = null;
  for (const resource of entryResources(bundle)) {
    if (resource?.resourceType === 'Bundle') inner ??= detectSubscription(resource);
  }
  const isRedox = readMessageHeader(header).isRedox;
  return { format: isRedox && inner === null ? 'redox-message' : 'fhir-message', bundle, header, inner };
}

export function detectFormat(json: unknown): DetectedFormat {
  if (!isObject(json) || text(json.resourceType) === null) return { format: 'not-fhir' };
  if (json.resourceType !== 'Bundle') return { format: 'resource', resource: json };
  const detected = detectMessage(json) ?? detectSubscription(json);
  if (detected) return detected;
  // A $status result: a searchset of status carriers, one per subscription (reference doc B6).
  return { format: 'bundle', bundle: json, status: findStatus(json)?.status ?? null };
}

export const formatOf = (json: unknown): NotificationFormat => detectFormat(json).format;
