/**
 * Tiny readers for untrusted JSON. Notification bodies come from anyone who can reach the
 * receiver, so every field is checked before use and a wrong type reads as "absent".
 */

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A trimmed, non-empty string, else null. */
export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** The value as an array (a lone object counts as a one-element array: senders get cardinality wrong). */
export const list = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
};

/** The objects of `value` read as an array; anything else in it is skipped. */
export const objects = (value: unknown): JsonObject[] => list(value).filter(isObject);

/**
 * A non-negative integer from a number or a numeric string. FHIR integer64 travels as a string
 * (`"7"`), but senders also send numbers; both are accepted. Unsafe integers read as null rather
 * than as a silently wrong value.
 */
export function counter(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string' || !/^\s*\d{1,16}\s*$/.test(value)) return null;
  const parsed = Number(value.trim());
  return Number.isSafeInteger(parsed) ? parsed : null;
}

/** The entries' resources of a Bundle-like object, in order (null where an entry has none). */
export const entryResources = (bundle: JsonObject): (JsonObject | null)[] =>
  objects(bundle.entry).map((entry) => (isObject(entry.resource) ? entry.resource : null));

export const resourceTypeOf = (value: unknown): string | null => (isObject(value) ? text(value.resourceType) : null);
