/**
 * Shape of the generated R4 search-parameter table (`r4-search-data.generated.ts`).
 *
 * Each parameter is one short string so the table stays small in the renderer bundle:
 * - `"token"`, `"date"`, … for plain types;
 * - `"reference:Group,Patient"` (targets, comma-separated; `"reference:*"` = any resource type);
 * - `"composite:code$value-quantity"` (component parameter codes on the same resource, in order).
 */
export interface CompactSearchData {
  fhirVersion: string;
  /** Concrete resource types, sorted. */
  resourceTypes: string[];
  /** Parameters defined on Resource / DomainResource, valid on every type. */
  common: Record<string, string>;
  /** Parameters per resource type (code → encoded definition). */
  byType: Record<string, Record<string, string>>;
}
