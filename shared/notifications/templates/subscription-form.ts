import type { Resource } from '@medplum/fhirtypes';
import type { CatalogueEvent } from '../event-catalog';
import type { Scene } from './event-scenes';
import { distinct, firstIdentifier, relativeUrl } from './resource-refs';
import { at, sampleServerBase, sampleTopicBase } from './sample-data';
import type { NotificationBody, TemplateBuildOptions } from './template-types';

export type SubscriptionVersion = 'r4-backport' | 'r4b' | 'r5';

const backport = 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition';

/** The Subscription every template's Subscriptions form is about, unless told another. */
export const testSubscriptionUrl = `${sampleServerBase}/Subscription/switchboard-test`;

/** The topic URL a template's Subscriptions form names; its last segment is the template id. */
export const templateTopicUrl = (templateId: string): string => `${sampleTopicBase}/${templateId}`;

const absoluteUrl = (resource: Resource) => `${sampleServerBase}/${relativeUrl(resource)}`;

interface EventParts {
  subscriptionUrl: string;
  topic: string;
  eventNumber: number;
  timestamp: string;
  focus: Resource;
  /** The patient as a reference that also names them by MRN, so id-only payloads still identify them. */
  patientContext: { reference: string; type: 'Patient'; identifier: { system?: string; value?: string } };
}

function parametersStatus(parts: EventParts): Record<string, unknown> {
  return {
    resourceType: 'Parameters',
    meta: { profile: [`${backport}/backport-subscription-status-r4`] },
    parameter: [
      { name: 'subscription', valueReference: { reference: parts.subscriptionUrl } },
      { name: 'topic', valueCanonical: parts.topic },
      { name: 'status', valueCode: 'active' },
      { name: 'type', valueCode: 'event-notification' },
      { name: 'events-since-subscription-start', valueString: String(parts.eventNumber) },
      {
        name: 'notification-event',
        part: [
          { name: 'event-number', valueString: String(parts.eventNumber) },
          { name: 'timestamp', valueInstant: parts.timestamp },
          { name: 'focus', valueReference: { reference: absoluteUrl(parts.focus) } },
          { name: 'additional-context', valueReference: parts.patientContext },
        ],
      },
    ],
  };
}

function subscriptionStatus(parts: EventParts): Record<string, unknown> {
  return {
    resourceType: 'SubscriptionStatus',
    status: 'active',
    type: 'event-notification',
    eventsSinceSubscriptionStart: String(parts.eventNumber),
    notificationEvent: [
      {
        eventNumber: String(parts.eventNumber),
        timestamp: parts.timestamp,
        focus: { reference: absoluteUrl(parts.focus) },
        additionalContext: [parts.patientContext],
      },
    ],
    subscription: { reference: parts.subscriptionUrl },
    topic: parts.topic,
  };
}

/** History entries need a request (bdl-3): what changed the focus; the rest were read. */
function requestFor(resource: Resource, scene: Scene, focus: Resource) {
  if (resource !== focus) return { method: 'GET', url: relativeUrl(resource) };
  return scene.change === 'create'
    ? { method: 'POST', url: resource.resourceType }
    : { method: 'PUT', url: relativeUrl(resource) };
}

/**
 * A FHIR Subscriptions notification (reference doc B1, B7): a `history` Bundle (R4 Backport with a
 * Parameters status, R4B with a SubscriptionStatus) or an R5 `subscription-notification` Bundle.
 * Detailed = full-resource (entries carry resources), lightweight = id-only (entries without).
 */
export function buildSubscriptionNotification(
  scene: Scene,
  event: CatalogueEvent,
  options: TemplateBuildOptions,
  version: SubscriptionVersion,
): NotificationBody {
  const focus = scene.focus.at(-1) ?? scene.patient;
  const mrn = firstIdentifier(scene.patient);
  const parts: EventParts = {
    subscriptionUrl: options.subscriptionUrl ?? testSubscriptionUrl,
    topic: templateTopicUrl(event.id),
    eventNumber: options.eventNumber ?? 1,
    timestamp: at(options.now),
    focus,
    patientContext: {
      reference: absoluteUrl(scene.patient),
      type: 'Patient',
      identifier: { system: mrn?.system, value: mrn?.value },
    },
  };
  const detailed = options.level === 'detailed';
  const history = version !== 'r5';
  const statusEntry = {
    fullUrl: `urn:uuid:${options.ids()}`,
    ...(history ? { request: { method: 'GET', url: `${parts.subscriptionUrl}/$status` }, response: { status: '200' } } : {}),
    resource: version === 'r4-backport' ? parametersStatus(parts) : subscriptionStatus(parts),
  };
  const resources = detailed ? distinct([focus, scene.patient, ...scene.focus, ...scene.supporting]) : distinct([focus, scene.patient]);
  const contentEntries = resources.map((resource) => ({
    fullUrl: absoluteUrl(resource),
    ...(history ? { request: requestFor(resource, scene, focus) } : {}),
    ...(history && detailed ? { response: { status: resource === focus && scene.change === 'create' ? '201' : '200' } } : {}),
    ...(detailed ? { resource } : {}),
  }));
  return {
    resourceType: 'Bundle',
    id: options.ids(),
    ...(version === 'r4-backport' ? { meta: { profile: [`${backport}/backport-subscription-notification-r4`] } } : {}),
    type: history ? 'history' : 'subscription-notification',
    timestamp: at(options.now),
    entry: [statusEntry, ...contentEntries],
  };
}
