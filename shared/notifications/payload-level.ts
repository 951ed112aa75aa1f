import { isObject, objects, type JsonObject } from './json';
import type { PayloadLevel } from './notification-facts';

/**
 * How much a notification carries (reference doc A7, B3). Redox does not label its payloads, so
 * the level is read off the entries: stubs that only identify things are lightweight, anything
 * fuller is detailed. Subscriptions say it by structure: entries without `resource` are id-only,
 * entries with one are full-resource, none at all is empty.
 */

const identityKeys = new Set(['resourceType', 'id', 'meta', 'identifier']);
const referenceKeys = new Set(['reference', 'type', 'identifier', 'display', 'id', 'extension']);

const isReference = (value: unknown): boolean =>
  isObject(value) && Object.keys(value).every((key) => referenceKeys.has(key)) && 'reference' in value;

/**
 * A stub only identifies a resource and points at others: `resourceType`, `id`, `meta`,
 * `identifier`, plus fields that hold nothing but References (a lightweight Encounter still
 * says whose it is). An empty `{resourceType: "Patient"}` is a stub too.
 */
export function isStubResource(resource: JsonObject): boolean {
  for (const [key, value] of Object.entries(resource)) {
    if (identityKeys.has(key)) continue;
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0 || !values.every(isReference)) return false;
  }
  return true;
}

type EntryKind = 'stub' | 'full' | 'reference-only' | 'nothing';

function entryKind(entry: JsonObject): EntryKind {
  if (isObject(entry.resource)) return isStubResource(entry.resource) ? 'stub' : 'full';
  // An id-only entry names the resource by fullUrl and/or request, without the resource.
  return entry.fullUrl !== undefined || entry.request !== undefined ? 'reference-only' : 'nothing';
}

interface LevelOptions {
  /** Subscriptions: any included resource means full-resource, however small it is. */
  anyResourceIsDetailed: boolean;
  /** What to answer when no entry carries anything: lightweight if there are focus references. */
  hasFocus: boolean;
}

/** The level of a list of content entries (the header/status entry already removed). */
export function levelOfEntries(entries: readonly JsonObject[], options: LevelOptions): PayloadLevel {
  let sawLight = false;
  for (const entry of entries) {
    const kind = entryKind(entry);
    if (kind === 'full' || (kind === 'stub' && options.anyResourceIsDetailed)) return 'detailed';
    if (kind !== 'nothing') sawLight = true;
  }
  return sawLight || options.hasFocus ? 'lightweight' : 'empty';
}

/** The entries of a Bundle that carry content: all but those `skip` picks out (the header or status). */
export const contentEntries = (bundle: JsonObject, skip: (entry: JsonObject, index: number) => boolean): JsonObject[] =>
  objects(bundle.entry).filter((entry, index) => !skip(entry, index));

/** A bare resource: a stub is lightweight, anything else detailed. */
export const resourceLevel = (resource: JsonObject): PayloadLevel => (isStubResource(resource) ? 'lightweight' : 'detailed');
