import type { Identifier, Resource } from '@medplum/fhirtypes';

/** Small helpers the wire forms share for naming resources. */

export const idOf = (resource: Resource): string => resource.id ?? '';

export const relativeUrl = (resource: Resource): string => `${resource.resourceType}/${idOf(resource)}`;

export const firstIdentifier = (resource: Resource): Identifier | null =>
  'identifier' in resource && Array.isArray(resource.identifier) ? (resource.identifier[0] ?? null) : null;

/** The same resource with only what identifies it: the Redox lightweight stub (reference doc A7). */
export function stubOf(resource: Resource): Record<string, unknown> {
  const identifier = 'identifier' in resource && Array.isArray(resource.identifier) ? resource.identifier : undefined;
  return { resourceType: resource.resourceType, id: idOf(resource), ...(identifier ? { identifier } : {}) };
}

/** Each resource once, first occurrence wins (a scene may list the patient as focus and as support). */
export function distinct(resources: readonly Resource[]): Resource[] {
  const seen = new Set<string>();
  return resources.filter((resource) => {
    const key = relativeUrl(resource);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
