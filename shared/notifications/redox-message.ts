import { findCatalogueEvent } from './event-catalog';
import { entryResources, isObject, objects, text, type JsonObject } from './json';

/**
 * Reading a FHIR message Bundle's MessageHeader: the event, the sender, the focus. Redox's
 * notifications (reference doc A6) are the main case; any other message Bundle reads the same way.
 */

export interface MessageHeaderFacts {
  /** `eventUri` exactly as sent, or null when the event is a coding. */
  eventUri: string | null;
  /** `eventCoding.code` (or display), when the event is a coding. */
  eventCode: string | null;
  eventSystem: string | null;
  /** MessageHeader.definition (Redox: `…/MessageDefinition/<Event>Full` on detailed messages). */
  definition: string | null;
  source: string | null;
  focusReferences: string[];
  /** Whether the header names a Redox event (Redox URI, `urn:redox` coding, or a catalogue name). */
  isRedox: boolean;
}

/** The Bundle's MessageHeader: normally entry[0], but any entry is accepted. */
export function findMessageHeader(bundle: JsonObject): JsonObject | null {
  return entryResources(bundle).find((resource) => resource?.resourceType === 'MessageHeader') ?? null;
}

const redoxHost = /^https?:\/\/[^/]*redoxengine\.com\//i;

function sourceOf(header: JsonObject): string | null {
  const source = header.source;
  if (!isObject(source)) return null;
  return text(source.name) ?? text(source.endpoint) ?? text(source.software);
}

export function readMessageHeader(header: JsonObject): MessageHeaderFacts {
  const eventUri = text(header.eventUri);
  const coding = isObject(header.eventCoding) ? header.eventCoding : null;
  const eventCode = coding ? (text(coding.code) ?? text(coding.display)) : null;
  const eventSystem = coding ? text(coding.system) : null;
  const definition = text(header.definition);
  const focusReferences = objects(header.focus)
    .map((focus) => text(focus.reference))
    .filter((reference): reference is string => reference !== null);
  const isRedox =
    (eventUri !== null && (redoxHost.test(eventUri) || (/\/EventDefinition\//.test(eventUri) && findCatalogueEvent(eventUri) !== null))) ||
    (eventSystem !== null && eventSystem.toLowerCase().startsWith('urn:redox')) ||
    (definition !== null && redoxHost.test(definition));
  return { eventUri, eventCode, eventSystem, definition, source: sourceOf(header), focusReferences, isRedox };
}
