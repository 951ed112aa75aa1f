import type { CatalogueEvent } from '../event-catalog';
import type { Scene } from './event-scenes';
import { distinct, firstIdentifier, relativeUrl, stubOf } from './resource-refs';
import { at, sampleRedoxBase } from './sample-data';
import type { NotificationBody, TemplateBuildOptions } from './template-types';

/**
 * Entries are named the way Redox names them: by an identifier search URL when the resource has a
 * business identifier (reference doc A6), else by its logical URL.
 */
function redoxFullUrl(resource: Scene['patient'] | Scene['focus'][number]): string {
  const identifier = firstIdentifier(resource);
  if (identifier?.system && identifier.value) {
    return `${sampleRedoxBase}/${resource.resourceType}?identifier=${identifier.system}|${identifier.value}`;
  }
  return `${sampleRedoxBase}/${relativeUrl(resource)}`;
}

/**
 * A Redox-style notification (reference doc A6/A7): a message Bundle led by a MessageHeader with
 * the Redox `eventUri`. Detailed carries every resource in full and the `…Full` definition;
 * lightweight carries stubs of the focus and the patient only.
 */
export function buildRedoxMessage(scene: Scene, event: CatalogueEvent, options: TemplateBuildOptions): NotificationBody {
  const detailed = options.level === 'detailed';
  const header = {
    resourceType: 'MessageHeader',
    id: options.ids(),
    eventUri: `https://fhir.redoxengine.com/EventDefinition/${event.code}`,
    // Only detailed messages have a known definition; the lightweight one is not documented (A11).
    ...(detailed ? { definition: `https://fhir.redoxengine.com/MessageDefinition/${event.code}Full` } : {}),
    source: { name: options.sourceName ?? 'Switchboard test sender', endpoint: options.ids() },
    focus: scene.focus.map((resource) => ({ reference: relativeUrl(resource) })),
  };
  const resources = detailed ? distinct([...scene.focus, ...scene.supporting]) : distinct([...scene.focus, scene.patient]);
  return {
    resourceType: 'Bundle',
    id: options.ids(),
    type: 'message',
    timestamp: at(options.now),
    entry: [
      { fullUrl: `urn:uuid:${header.id}`, resource: header },
      ...resources.map((resource) => ({ fullUrl: redoxFullUrl(resource), resource: detailed ? resource : stubOf(resource) })),
    ],
  };
}
