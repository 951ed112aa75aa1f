/**
 * Query string (or form body) → search entries, in order. Every part either becomes a typed entry
 * that writes back to the same name and value, or a raw entry holding the original text: the parser
 * checks each typed entry by formatting it again, so nothing is lost or silently rewritten.
 */
import { r4SearchDefinitions, type SearchDefinitions } from './definitions';
import { percentDecode, splitUnescaped } from './escaping';
import { parseParameterName } from './parse-name';
import { parseSearchValue } from './parse-value';
import { resolveParameter } from './resolve';
import {
  CONTAINED_MODES,
  CONTAINED_TYPE_MODES,
  type IncludeEntry,
  type SearchEntry,
  type SearchValue,
  type SearchValueKind,
  SUMMARY_MODES,
  TOTAL_MODES,
} from './search-model';
import { formatEntry } from './serialize';
import { valueKindFor } from './value-kinds';

export interface ParseOptions {
  /** Used to read each value by its parameter's type; defaults to the bundled R4 definitions. */
  definitions?: SearchDefinitions;
}

const RESOURCE_TYPE_OR_STAR = /^(\*|[A-Z][A-Za-z]*)$/;
const RESOURCE_TYPE = /^[A-Z][A-Za-z]*$/;
const CODE_OR_STAR = /^(\*|[A-Za-z0-9_][A-Za-z0-9_-]*)$/;
const SORT_KEY = /^(-?)([A-Za-z0-9_][A-Za-z0-9_.:-]*)$/;
const ELEMENT = /^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/;

const oneOf = <T extends string>(options: readonly T[], value: string): value is T => (options as readonly string[]).includes(value);

function parseInclude(name: string, value: string): IncludeEntry | null {
  const match = /^_(rev)?include(:iterate)?$/.exec(name);
  if (!match) return null;
  const [sourceType = '', parameter, targetType, ...extra] = value.split(':');
  if (!RESOURCE_TYPE_OR_STAR.test(sourceType) || extra.length > 0) return null;
  if (parameter !== undefined && !CODE_OR_STAR.test(parameter)) return null;
  if (targetType !== undefined && !RESOURCE_TYPE.test(targetType)) return null;
  const entry: IncludeEntry = { kind: 'include', reverse: match[1] !== undefined, iterate: match[2] !== undefined, sourceType };
  if (parameter !== undefined) entry.parameter = parameter;
  if (targetType !== undefined) entry.targetType = targetType;
  return entry;
}

/** Result parameters (`_sort`, `_count`, …); undefined = not a result parameter, null = malformed. */
function parseResultParameter(name: string, value: string): SearchEntry | null | undefined {
  switch (name) {
    case '_sort': {
      const keys = value.split(',').map((key) => SORT_KEY.exec(key));
      if (keys.some((key) => key === null)) return null;
      return { kind: 'sort', keys: keys.map((key) => ({ parameter: key?.[2] ?? '', descending: key?.[1] === '-' })) };
    }
    case '_count':
      return /^(0|[1-9][0-9]{0,8})$/.test(value) ? { kind: 'count', count: Number(value) } : null;
    case '_summary':
      return oneOf(SUMMARY_MODES, value) ? { kind: 'summary', mode: value } : null;
    case '_total':
      return oneOf(TOTAL_MODES, value) ? { kind: 'total', mode: value } : null;
    case '_contained':
      return oneOf(CONTAINED_MODES, value) ? { kind: 'contained', mode: value } : null;
    case '_containedType':
      return oneOf(CONTAINED_TYPE_MODES, value) ? { kind: 'contained-type', mode: value } : null;
    case '_elements': {
      const elements = value.split(',');
      return elements.every((element) => ELEMENT.test(element)) ? { kind: 'elements', elements } : null;
    }
    default:
      // Modified result parameters (`_count:x`, STU3's `_sort:asc`, `_include:recurse`) are not R4: keep raw.
      return /^_(include|revinclude|sort|count|summary|total|contained|containedType|elements):/.test(name) ||
        name === '_include' ||
        name === '_revinclude'
        ? null
        : undefined;
  }
}

/** A search parameter typed through its definition (unknown parameters are read verbatim). */
function parseSearchParameter(
  name: string,
  value: string,
  resourceType: string | undefined,
  definitions: SearchDefinitions,
): SearchEntry | null {
  const parsedName = parseParameterName(name);
  if (!parsedName) return null;
  const resolved = resolveParameter(definitions, resourceType, parsedName);
  const definition = resolved.definition;
  const kind = valueKindFor(definition?.type, parsedName.modifier);
  const home = resolved.resourceTypes[0] ?? resourceType ?? 'Resource';
  const componentKinds: SearchValueKind[] = (definition?.components ?? []).map((code) =>
    valueKindFor(definitions.find(home, code)?.type, undefined),
  );
  const values: SearchValue[] = [];
  for (const piece of splitUnescaped(value, ',')) {
    const parsed = parseSearchValue(piece, kind, componentKinds);
    if (!parsed) return null;
    values.push(parsed);
  }
  return { kind: 'search', ...parsedName, values };
}

/** One decoded `name=value` → a typed entry, or null to keep the part raw. */
function parseDecodedPart(name: string, value: string, resourceType: string | undefined, definitions: SearchDefinitions): SearchEntry | null {
  const include = parseInclude(name, value);
  if (include) return include;
  const result = parseResultParameter(name, value);
  if (result !== undefined) return result;
  return parseSearchParameter(name, value, resourceType, definitions);
}

/** One query-string part (still percent-encoded) → an entry. */
export function parseQueryPart(part: string, resourceType: string | undefined, options: ParseOptions = {}): SearchEntry {
  const raw: SearchEntry = { kind: 'raw', text: part };
  const separator = part.indexOf('=');
  if (separator <= 0) return raw;
  const name = percentDecode(part.slice(0, separator));
  const value = percentDecode(part.slice(separator + 1));
  if (name === null || value === null) return raw;
  const entry = parseDecodedPart(name, value, resourceType, options.definitions ?? r4SearchDefinitions());
  if (!entry || entry.kind === 'raw') return raw;
  const written = formatEntry(entry);
  return written.name === name && written.value === value ? entry : raw;
}

/** A query string without the `?` (or a form body) → entries in order. '' → none. */
export function parseQueryString(query: string, resourceType: string | undefined, options: ParseOptions = {}): SearchEntry[] {
  if (query === '') return [];
  return query.split('&').map((part) => parseQueryPart(part, resourceType, options));
}

/** The form-encoded body of a `POST _search`: the same grammar as a query string. */
export const parseFormBody = parseQueryString;
