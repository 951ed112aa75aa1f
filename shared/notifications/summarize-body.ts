import { deriveNotificationFacts } from './derive-facts';

/** What the inbox can say about a notification body before anyone opens it. */
export interface BodyFacts {
  resourceTypes: string[];
  /** MessageHeader.source.name (or endpoint) of a FHIR message Bundle. */
  source: string | null;
  /** The event's short name: the last segment of MessageHeader.eventUri, or eventCoding.code. */
  event: string | null;
}

/**
 * The older, smaller summary the receiver stores today; a view of `deriveNotificationFacts`, kept
 * until the receiver stores the full facts.
 */
export function summarizeBody(json: unknown): BodyFacts {
  const facts = deriveNotificationFacts(json);
  return { resourceTypes: facts.resourceTypes, source: facts.source, event: facts.event?.code ?? null };
}
