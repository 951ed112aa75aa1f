/**
 * Search-parameter definitions: what parameters a resource type has, of which type, pointing where.
 * The bundled base R4 table is the fallback; `capability.ts` layers a server's declarations on top.
 */
import { type CompactSearchData } from './compact-search-data';
import { R4_SEARCH_DATA } from './r4-search-data.generated';
import { type SearchParamType, SEARCH_PARAM_TYPES } from './search-model';

export interface SearchParamDefinition {
  code: string;
  type: SearchParamType;
  /** Reference parameters: the resource types they may point at. */
  targets?: string[];
  /** Composite parameters: the component parameter codes (on the same resource), in order. */
  components?: string[];
  /**
   * From a CapabilityStatement: true when the server declares the parameter, false when only the
   * base specification defines it. Absent for the bundled definitions (nothing known about a server).
   */
  declared?: boolean;
  /** Defined on every resource type (`_id`, `_lastUpdated`, …) rather than on this type. */
  common?: boolean;
}

export interface SearchDefinitions {
  origin: 'r4' | 'capability-statement';
  fhirVersion?: string;
  /** Resource types to offer, sorted. */
  resourceTypes: readonly string[];
  isResourceType(name: string): boolean;
  /** Parameters to offer for a type: its own, then the common ones. */
  parametersOf(resourceType: string): SearchParamDefinition[];
  /** A parameter by code, or undefined when neither the server nor the base specification knows it. */
  find(resourceType: string, code: string): SearchParamDefinition | undefined;
  /** Whether the server declares the parameter; undefined when there is no server information. */
  isDeclared(resourceType: string, code: string): boolean | undefined;
  /** The server's `searchInclude` / `searchRevInclude` for a type; undefined without server information. */
  includesOf(resourceType: string): { include: string[]; revinclude: string[] } | undefined;
}

/**
 * Common parameters the generated table lacks because R4 defines them in prose (search.html)
 * rather than as SearchParameter resources, plus the format controls every server accepts.
 */
const EXTRA_COMMON: Record<string, SearchParamType> = {
  _list: 'special',
  _has: 'special',
  _type: 'token',
  _filter: 'special',
  _format: 'special',
  _pretty: 'special',
};

/** Names handled as result parameters (typed entries of their own), never as search parameters. */
export const RESULT_PARAMETER_NAMES = [
  '_include',
  '_revinclude',
  '_sort',
  '_count',
  '_summary',
  '_elements',
  '_total',
  '_contained',
  '_containedType',
] as const;

const isParamType = (type: string): type is SearchParamType => (SEARCH_PARAM_TYPES as readonly string[]).includes(type);

/** Expands one compact entry (`"reference:Group,Patient"`) into a definition. */
export function decodeCompactParameter(code: string, encoded: string, allTypes: readonly string[]): SearchParamDefinition {
  const separator = encoded.indexOf(':');
  const type = separator === -1 ? encoded : encoded.slice(0, separator);
  const detail = separator === -1 ? '' : encoded.slice(separator + 1);
  if (!isParamType(type)) throw new Error(`Unknown search parameter type "${type}" for ${code}`);
  if (type === 'reference') return { code, type, targets: detail === '*' ? [...allTypes] : detail.split(',').filter(Boolean) };
  if (type === 'composite') return { code, type, components: detail.split('$').filter(Boolean) };
  return { code, type };
}

/** Definitions over a compact table (the bundled R4 one unless a test passes another). */
export function definitionsFromCompactData(data: CompactSearchData): SearchDefinitions {
  const typeSet = new Set(data.resourceTypes);
  const common: SearchParamDefinition[] = [
    ...Object.entries(data.common).map(([code, encoded]) => decodeCompactParameter(code, encoded, data.resourceTypes)),
    ...Object.entries(EXTRA_COMMON).map(([code, type]) => ({ code, type })),
  ].map((definition) => ({ ...definition, common: true }));
  const commonByCode = new Map(common.map((definition) => [definition.code, definition]));
  const perType = new Map<string, Map<string, SearchParamDefinition>>();

  const ownParameters = (resourceType: string): Map<string, SearchParamDefinition> => {
    let own = perType.get(resourceType);
    if (!own) {
      own = new Map(
        Object.entries(data.byType[resourceType] ?? {}).map(([code, encoded]) => [
          code,
          decodeCompactParameter(code, encoded, data.resourceTypes),
        ]),
      );
      perType.set(resourceType, own);
    }
    return own;
  };

  return {
    origin: 'r4',
    fhirVersion: data.fhirVersion,
    resourceTypes: data.resourceTypes,
    isResourceType: (name) => typeSet.has(name),
    parametersOf: (resourceType) => [...ownParameters(resourceType).values(), ...common],
    find: (resourceType, code) => ownParameters(resourceType).get(code) ?? commonByCode.get(code),
    isDeclared: () => undefined,
    includesOf: () => undefined,
  };
}

let bundled: SearchDefinitions | undefined;

/** The base FHIR R4 definitions bundled with the app (built once, on first use). */
export function r4SearchDefinitions(): SearchDefinitions {
  bundled ??= definitionsFromCompactData(R4_SEARCH_DATA);
  return bundled;
}

/** The base R4 resource types (sorted). */
export const R4_RESOURCE_TYPES: readonly string[] = R4_SEARCH_DATA.resourceTypes;
