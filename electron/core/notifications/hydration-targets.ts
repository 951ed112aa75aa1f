import type { NotificationFacts } from '../../../shared/notifications/notification-facts';

export interface HydrationTarget {
  /** As written in the notification. */
  label: string;
  /** What to GET, relative to the connection's base (`Patient/123`, `Patient?identifier=…`) or absolute. */
  path: string;
}

const MAX_TARGETS = 25;
const REFERENCE = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `https://…/R4/<slug>/<env>/Patient?identifier=…` → `Patient?identifier=…`; `…/Encounter/9` → `Encounter/9`. */
function pathFromUrl(url: string): string | null {
  if (REFERENCE.test(url)) return url;
  const search = /\/([A-Z][A-Za-z]+)\?(.+)$/.exec(url);
  if (search) return `${search[1]}?${search[2]}`;
  const read = /\/([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(url);
  return read?.[1] ?? null;
}

/** A resource with nothing but its type, id, identifiers and meta: a lightweight stub. */
function isStub(resource: unknown): boolean {
  if (!isObject(resource)) return true;
  return Object.keys(resource).every((k) => ['resourceType', 'id', 'identifier', 'meta'].includes(k));
}

/** `Type/id` of every resource the body already carries in full: nothing to fetch for those. */
function fullResourcesIn(body: unknown): Set<string> {
  const present = new Set<string>();
  const note = (resource: unknown) => {
    if (isObject(resource) && !isStub(resource) && typeof resource.resourceType === 'string' && typeof resource.id === 'string') {
      present.add(`${resource.resourceType}/${resource.id}`);
    }
  };
  note(body);
  if (isObject(body) && Array.isArray(body.entry)) for (const entry of body.entry) if (isObject(entry)) note(entry.resource);
  return present;
}

/**
 * What a lightweight notification points at and leaves out: its focus and patient references, and
 * entries that carry no resource (Subscriptions id-only) or only a stub (Redox lightweight), found
 * by their reference or identifier-search fullUrl.
 */
export function hydrationTargets(body: unknown, facts: Pick<NotificationFacts, 'focusReferences' | 'patientReferences'>): HydrationTarget[] {
  const present = fullResourcesIn(body);
  const targets = new Map<string, HydrationTarget>();
  const add = (label: string, path: string | null) => {
    if (path !== null && !present.has(path) && !targets.has(path) && targets.size < MAX_TARGETS) targets.set(path, { label, path });
  };
  for (const reference of [...facts.focusReferences, ...facts.patientReferences]) {
    if (reference.startsWith('urn:') || reference.startsWith('#')) continue;
    add(reference, pathFromUrl(reference));
  }
  const entries = isObject(body) && Array.isArray(body.entry) ? body.entry : [];
  for (const entry of entries) {
    if (!isObject(entry) || !isStub(entry.resource)) continue;
    const resource = entry.resource;
    if (isObject(resource) && (resource.resourceType === 'MessageHeader' || resource.resourceType === 'Parameters')) continue;
    const fullUrl = typeof entry.fullUrl === 'string' && !entry.fullUrl.startsWith('urn:') ? entry.fullUrl : null;
    const requestUrl = isObject(entry.request) && typeof entry.request.url === 'string' ? entry.request.url : null;
    const url = fullUrl ?? requestUrl;
    if (url !== null && !url.includes('/$status')) add(url, pathFromUrl(url));
  }
  return [...targets.values()];
}
