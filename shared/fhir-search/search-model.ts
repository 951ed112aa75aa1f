/**
 * The FHIR search model behind the query composer: plain serialisable data (it lives in a zustand
 * store, is saved as a file and travels over the contract; `search-model-schema.ts` validates it).
 *
 * A search is a resource type plus an ordered list of entries. Each entry is one `name=value` pair
 * of the query string, so AND is simply two entries with the same name and order is preserved.
 * OR lives inside an entry (its `values`). Anything the parser cannot represent faithfully becomes
 * a `raw` entry holding the original text, so nothing a user pastes is ever dropped.
 */

/** The R4 search parameter types (SearchParameter.type). */
export const SEARCH_PARAM_TYPES = [
  'string',
  'token',
  'reference',
  'date',
  'number',
  'quantity',
  'uri',
  'composite',
  'special',
] as const;
export type SearchParamType = (typeof SEARCH_PARAM_TYPES)[number];

/** Comparison prefixes for date, number and quantity values. */
export const SEARCH_PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'] as const;
export type SearchPrefix = (typeof SEARCH_PREFIXES)[number];

/**
 * One OR-value, typed by what the parameter (and its modifier) expects. Every string here is the
 * value as the user means it: unescaped and not percent-encoded. The serializer adds the `\`
 * escapes and the percent-encoding.
 */
export type SearchValue =
  /** string and uri parameters, `:text`, `:missing` (`true`/`false`): plain text, fully escaped on output. */
  | { kind: 'string'; value: string }
  /**
   * Verbatim FHIR value syntax, not interpreted: `special` parameters (e.g. Location `near`),
   * `:in`/`:not-in` value-set URLs, and parameters whose type is unknown. Written out as is.
   */
  | { kind: 'text'; value: string }
  /** token (and reference `:identifier`): `code`, `system|code`, `|code` (system ''), `system|` (code ''). */
  | { kind: 'token'; system?: string; code: string }
  /** token `:of-type`: identifier type `system|code` plus the identifier value. */
  | { kind: 'of-type'; system: string; code: string; value: string }
  | { kind: 'date'; prefix?: SearchPrefix; value: string }
  | { kind: 'number'; prefix?: SearchPrefix; value: string }
  /** `[prefix]number[|system|code]`; `system`/`code` absent = number only, '' = empty part. */
  | { kind: 'quantity'; prefix?: SearchPrefix; value: string; system?: string; code?: string }
  /**
   * `Type/id` (resourceType + id), a bare `id`, or an absolute / canonical URL (kept whole in `id`,
   * resourceType absent). `|` is not escaped here: in references it is the canonical-version separator.
   */
  | { kind: 'reference'; resourceType?: string; id: string }
  /** Composite: the component values in order, joined with `$`. */
  | { kind: 'composite'; parts: SearchValue[] };

export type SearchValueKind = SearchValue['kind'];

/** One forward-chain hop: a reference parameter, optionally narrowed to a target type (`subject:Patient.`). */
export interface ChainHop {
  parameter: string;
  targetType?: string;
}

/** One reverse-chain hop: `_has:<resourceType>:<parameter>:` (resources of that type pointing here). */
export interface ReverseChainHop {
  resourceType: string;
  parameter: string;
}

/**
 * A search parameter. Its name on the wire is
 * `[_has:T:p:]…[hop[:Type].]…name[:modifier]` (reverse hops first, then forward hops).
 */
export interface SearchParameterEntry {
  kind: 'search';
  /** The final parameter's code, e.g. `name` in `subject:Patient.name`. */
  name: string;
  modifier?: string;
  /** Forward chain, outermost hop first. Absent or empty = not chained. */
  chain?: ChainHop[];
  /** Reverse chain (`_has`), outermost first; applies before `chain`. */
  has?: ReverseChainHop[];
  /** OR-values (comma-joined). */
  values: SearchValue[];
}

/** `_include` / `_revinclude`, optionally `:iterate`: `sourceType:parameter[:targetType]`, or `*`. */
export interface IncludeEntry {
  kind: 'include';
  reverse: boolean;
  iterate: boolean;
  /** Resource type holding the reference parameter, or `*` (with no parameter) for everything. */
  sourceType: string;
  parameter?: string;
  targetType?: string;
}

export interface SortKey {
  /** Parameter code to sort by. */
  parameter: string;
  descending: boolean;
}

export const SUMMARY_MODES = ['true', 'text', 'data', 'count', 'false'] as const;
export type SummaryMode = (typeof SUMMARY_MODES)[number];
export const TOTAL_MODES = ['none', 'estimate', 'accurate'] as const;
export type TotalMode = (typeof TOTAL_MODES)[number];
export const CONTAINED_MODES = ['true', 'false', 'both'] as const;
export type ContainedMode = (typeof CONTAINED_MODES)[number];
export const CONTAINED_TYPE_MODES = ['container', 'contained'] as const;
export type ContainedTypeMode = (typeof CONTAINED_TYPE_MODES)[number];

/** Result parameters, each typed so the composer can offer the right control. */
export type ResultEntry =
  | { kind: 'sort'; keys: SortKey[] }
  | { kind: 'count'; count: number }
  | { kind: 'summary'; mode: SummaryMode }
  | { kind: 'elements'; elements: string[] }
  | { kind: 'total'; mode: TotalMode }
  | { kind: 'contained'; mode: ContainedMode }
  | { kind: 'contained-type'; mode: ContainedTypeMode };

/**
 * A query-string part kept exactly as written (still percent-encoded): unknown or malformed
 * parameters, empty parts (`a=1&&b=2`), parts without `=`. Written back byte for byte.
 */
export interface RawEntry {
  kind: 'raw';
  text: string;
}

export type SearchEntry = SearchParameterEntry | IncludeEntry | ResultEntry | RawEntry;
export type SearchEntryKind = SearchEntry['kind'];

/** A compartment search: `Patient/123/Observation?…`. */
export interface SearchCompartment {
  resourceType: string;
  id: string;
}

export interface SearchModel {
  /** Absent = a system-level search (`[base]?_type=…`). */
  resourceType?: string;
  compartment?: SearchCompartment;
  /** Query-string parts in order: one entry per `name=value`. */
  parameters: SearchEntry[];
}
