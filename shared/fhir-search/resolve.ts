/**
 * Follows a parameter's reverse and forward chain to the definition of its final parameter, so the
 * parser knows how to read the value and the warnings know what to check.
 */
import { type SearchDefinitions, type SearchParamDefinition } from './definitions';
import { type SearchParameterEntry } from './search-model';

export type ChainProblem =
  | { code: 'unknown-type'; resourceType: string }
  | { code: 'unknown-hop'; resourceType: string; parameter: string }
  | { code: 'hop-not-reference'; resourceType: string; parameter: string }
  | { code: 'hop-target-not-allowed'; resourceType: string; parameter: string; targetType: string }
  | { code: 'has-does-not-point-here'; resourceType: string; parameter: string; pointsAt: string[] };

export interface ResolvedParameter {
  /** The final parameter's definition; undefined when unknown. */
  definition?: SearchParamDefinition;
  /** The resource types the final parameter is looked up on. */
  resourceTypes: string[];
  problems: ChainProblem[];
}

/**
 * Resolves `entry` as searched on `resourceType` (undefined for a system-level search, where only
 * the common parameters apply; looked up on the pseudo-type "Resource").
 */
export function resolveParameter(
  definitions: SearchDefinitions,
  resourceType: string | undefined,
  entry: Pick<SearchParameterEntry, 'name' | 'chain' | 'has'>,
): ResolvedParameter {
  const problems: ChainProblem[] = [];
  let current: string[] = [resourceType ?? 'Resource'];

  for (const hop of entry.has ?? []) {
    if (!definitions.isResourceType(hop.resourceType)) problems.push({ code: 'unknown-type', resourceType: hop.resourceType });
    const reference = definitions.find(hop.resourceType, hop.parameter);
    if (!reference) problems.push({ code: 'unknown-hop', resourceType: hop.resourceType, parameter: hop.parameter });
    else if (reference.type !== 'reference')
      problems.push({ code: 'hop-not-reference', resourceType: hop.resourceType, parameter: hop.parameter });
    else if (reference.targets && !current.some((type) => reference.targets?.includes(type)))
      problems.push({
        code: 'has-does-not-point-here',
        resourceType: hop.resourceType,
        parameter: hop.parameter,
        pointsAt: reference.targets,
      });
    current = [hop.resourceType];
  }

  for (const hop of entry.chain ?? []) {
    const found = current.map((type) => ({ type, definition: definitions.find(type, hop.parameter) }));
    const reference = found.find((candidate) => candidate.definition?.type === 'reference');
    if (!reference?.definition) {
      const any = found.find((candidate) => candidate.definition);
      const at = any?.type ?? current[0] ?? 'Resource';
      problems.push({ code: any ? 'hop-not-reference' : 'unknown-hop', resourceType: at, parameter: hop.parameter });
      current = hop.targetType ? [hop.targetType] : [];
      continue;
    }
    const targets = reference.definition.targets ?? [];
    if (hop.targetType) {
      if (targets.length > 0 && !targets.includes(hop.targetType))
        problems.push({ code: 'hop-target-not-allowed', resourceType: reference.type, parameter: hop.parameter, targetType: hop.targetType });
      current = [hop.targetType];
    } else {
      current = targets;
    }
  }

  for (const type of current) {
    const definition = definitions.find(type, entry.name);
    if (definition) return { definition, resourceTypes: current, problems };
  }
  return { resourceTypes: current, problems };
}
