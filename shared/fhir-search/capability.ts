/**
 * A server's CapabilityStatement → the resource types and search parameters it declares, layered
 * over the bundled R4 definitions (which fill in reference targets and composite components, and
 * stand in wherever the statement says nothing).
 */
// `import type` (not inline `type`): fhirtypes has no runtime entry, so the import must vanish entirely.
import type { CapabilityStatement, CapabilityStatementRest, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { r4SearchDefinitions, type SearchDefinitions, type SearchParamDefinition } from './definitions';
import { type SearchParamType, SEARCH_PARAM_TYPES } from './search-model';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringsOf = (value: unknown): string[] => arrayOf(value).filter((item): item is string => typeof item === 'string');
const isParamType = (type: unknown): type is SearchParamType =>
  typeof type === 'string' && (SEARCH_PARAM_TYPES as readonly string[]).includes(type);

/** The `rest` block that describes the server (mode "server"), or the first one. */
function serverRest(statement: Partial<CapabilityStatement>): Partial<CapabilityStatementRest> | undefined {
  const rests = arrayOf(statement.rest).filter(isObject) as Partial<CapabilityStatementRest>[];
  return rests.find((rest) => rest.mode === 'server') ?? rests[0];
}

/** Declared search parameters of one `resource` (or `rest`) block; undefined when it lists none. */
function declaredParameters(block: { searchParam?: unknown }): SearchParamDefinition[] | undefined {
  if (!Array.isArray(block.searchParam)) return undefined;
  return block.searchParam.filter(isObject).flatMap((param): SearchParamDefinition[] => {
    const name = param.name;
    if (typeof name !== 'string' || name === '') return [];
    return [{ code: name, type: isParamType(param.type) ? param.type : 'special', declared: true }];
  });
}

/** The US Core version a server claims (from `instantiates` / `implementationGuide`), e.g. "6.1.0". */
export function usCoreVersionOf(statement: unknown): string | undefined {
  if (!isObject(statement)) return undefined;
  const claims = [...stringsOf(statement.instantiates), ...stringsOf(statement.implementationGuide)];
  for (const claim of claims) {
    if (!claim.includes('hl7.org/fhir/us/core')) continue;
    const version = claim.split('|')[1];
    return version ?? '';
  }
  return undefined;
}

interface ServerResource {
  declared?: Map<string, SearchParamDefinition>;
  include: string[];
  revinclude: string[];
}

/**
 * Definitions as a server declares them. With no usable statement (null, not an object, no
 * `rest`, no resources) this is the bundled R4 definitions unchanged.
 */
export function definitionsFromCapabilityStatement(
  statement: unknown,
  fallback: SearchDefinitions = r4SearchDefinitions(),
): SearchDefinitions {
  if (!isObject(statement)) return fallback;
  const rest = serverRest(statement as Partial<CapabilityStatement>);
  const resourceBlocks = arrayOf(rest?.resource).filter(isObject) as Partial<CapabilityStatementRestResource>[];
  if (!rest || resourceBlocks.length === 0) return fallback;

  const systemLevel = declaredParameters(rest) ?? [];
  const resources = new Map<string, ServerResource>();
  for (const block of resourceBlocks) {
    if (typeof block.type !== 'string') continue;
    const own = declaredParameters(block);
    resources.set(block.type, {
      declared: own ? new Map([...own, ...systemLevel].map((definition) => [definition.code, definition])) : undefined,
      include: stringsOf(block.searchInclude),
      revinclude: stringsOf(block.searchRevInclude),
    });
  }
  const resourceTypes = [...resources.keys()].sort();

  /** A declared parameter, enriched with targets/components from the base definition of the same type. */
  const enrich = (resourceType: string, declared: SearchParamDefinition): SearchParamDefinition => {
    const base = fallback.find(resourceType, declared.code);
    if (!base || base.type !== declared.type) return declared;
    return { ...base, ...declared };
  };

  const find = (resourceType: string, code: string): SearchParamDefinition | undefined => {
    const declared = resources.get(resourceType)?.declared?.get(code);
    if (declared) return enrich(resourceType, declared);
    const base = fallback.find(resourceType, code);
    if (!base) return undefined;
    return resources.get(resourceType)?.declared ? { ...base, declared: false } : base;
  };

  return {
    origin: 'capability-statement',
    fhirVersion: typeof statement.fhirVersion === 'string' ? statement.fhirVersion : fallback.fhirVersion,
    resourceTypes,
    isResourceType: (name) => resources.has(name) || fallback.isResourceType(name),
    parametersOf: (resourceType) => {
      const declared = resources.get(resourceType)?.declared;
      if (!declared) return fallback.parametersOf(resourceType);
      const own = [...declared.values()].map((definition) => enrich(resourceType, definition));
      const others = fallback
        .parametersOf(resourceType)
        .filter((definition) => !declared.has(definition.code))
        .map((definition) => ({ ...definition, declared: false }));
      return [...own, ...others];
    },
    find,
    isDeclared: (resourceType, code) => {
      const resource = resources.get(resourceType);
      if (!resource) return resourceTypes.length > 0 ? false : undefined;
      return resource.declared ? resource.declared.has(code) : undefined;
    },
    includesOf: (resourceType) => {
      const resource = resources.get(resourceType);
      return resource ? { include: resource.include, revinclude: resource.revinclude } : undefined;
    },
  };
}
