/**
 * Checks run before a search is sent: parameters the server does not declare or nobody knows,
 * modifiers and values that do not fit the parameter's type, US Core SHALL patterns not met,
 * dateTimes without timezone, and Redox's documented limits. Pure: model (+ server definitions) in,
 * list of findings out; nothing here blocks sending.
 */
import { r4SearchDefinitions, type SearchDefinitions } from './definitions';
import { hasSeconds, hasTime, hasTimezone, isFhirDateValue, looksLikeDecodedPlus } from './date-values';
import { resolveParameter, type ChainProblem } from './resolve';
import { type SearchEntry, type SearchModel, type SearchParameterEntry, type SearchPrefix, type SearchValue } from './search-model';
import { formatEntry, formatIncludeValue, formatParameterName } from './serialize';
import { usCoreShallPatterns } from './us-core-requirements';
import { isModifierAllowed, valueKindFor } from './value-kinds';

export type SearchWarningSeverity = 'error' | 'warning' | 'info';

export interface SearchWarning {
  severity: SearchWarningSeverity;
  /** Stable identifier of the check, for tests and for UI grouping. */
  code: string;
  message: string;
  /** The parameter as written (`subject:Patient.name`), when the finding is about one. */
  parameter?: string;
  /** Index of the entry in `model.parameters`, so the composer can mark the row. */
  index?: number;
}

export interface SearchCheckOptions {
  /** The server's definitions (`definitionsFromCapabilityStatement`); defaults to base R4 (no server checks). */
  definitions?: SearchDefinitions;
  /** Check US Core SHALL patterns (default true); a version enables version-specific ones (Patient gender+name ≤ 7). */
  usCore?: boolean | { version?: string };
  /** The connection is Redox: checks its documented query rules (fhir reference §A9). */
  redox?: boolean;
  /** How the search will be sent. */
  method?: 'GET' | 'POST';
}

/** Prefixes Redox documents as supported; others may be refused with a 4xx naming the parameter. */
const REDOX_PREFIXES: readonly SearchPrefix[] = ['gt', 'ge', 'lt', 'le', 'ne'];

function chainProblemMessage(problem: ChainProblem): string {
  switch (problem.code) {
    case 'unknown-type':
      return `${problem.resourceType} is not a known resource type.`;
    case 'unknown-hop':
      return `${problem.resourceType} has no search parameter "${problem.parameter}".`;
    case 'hop-not-reference':
      return `${problem.resourceType}.${problem.parameter} is not a reference parameter, so it cannot be chained.`;
    case 'hop-target-not-allowed':
      return `${problem.resourceType}.${problem.parameter} cannot point at ${problem.targetType}.`;
    case 'has-does-not-point-here':
      return `${problem.resourceType}.${problem.parameter} points at ${problem.pointsAt.slice(0, 6).join(', ')}${problem.pointsAt.length > 6 ? '…' : ''}, not at this resource type.`;
  }
}

/** At least one value that is not empty text (servers ignore `name=`). */
const hasSomeValue = (entry: SearchParameterEntry): boolean =>
  entry.values.some((value) => {
    if (value.kind === 'token') return value.code !== '' || (value.system ?? '') !== '';
    if (value.kind === 'reference') return value.id !== '';
    if (value.kind === 'composite') return value.parts.length > 0;
    return value.value !== '';
  });

/** Every leaf value, flattening composites (for date checks). */
const leaves = (values: SearchValue[]): SearchValue[] => values.flatMap((value) => (value.kind === 'composite' ? leaves(value.parts) : [value]));

function checkDate(value: string, push: (severity: SearchWarningSeverity, code: string, message: string) => void): void {
  if (looksLikeDecodedPlus(value)) {
    push('error', 'date-plus-became-space', `"${value}": a "+" typed in a URL means a space. Write the offset as %2B (the composer does this when you edit the value).`);
    return;
  }
  if (!isFhirDateValue(value)) {
    push('error', 'date-format', `"${value}" is not a FHIR date or dateTime (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a timezone).`);
    return;
  }
  if (hasTime(value) && !hasTimezone(value))
    push('warning', 'date-no-timezone', `"${value}" has a time but no timezone; the server will pick one. Add Z or an offset such as -05:00.`);
  if (hasTime(value) && !hasSeconds(value))
    push('info', 'date-no-seconds', `"${value}": US Core asks for dateTime searches to the second (e.g. T10:00:00).`);
}

function checkSearchParameter(
  entry: SearchParameterEntry,
  model: SearchModel,
  definitions: SearchDefinitions,
  options: SearchCheckOptions,
  push: (severity: SearchWarningSeverity, code: string, message: string) => void,
): void {
  const written = formatParameterName(entry);
  const resolved = resolveParameter(definitions, model.resourceType, entry);
  for (const problem of resolved.problems) push('warning', `chain-${problem.code}`, chainProblemMessage(problem));

  const isTopLevel = !entry.chain?.length && !entry.has?.length;
  const definition = resolved.definition;
  if (!definition) {
    push('warning', 'unknown-parameter', `"${written}" is not a search parameter of ${resolved.resourceTypes.join(' or ') || 'this search'} in FHIR R4 or in the server's statement; servers ignore unknown parameters unless asked to be strict.`);
  } else if (isTopLevel && model.resourceType && definitions.isDeclared(model.resourceType, entry.name) === false) {
    push('warning', 'undeclared-parameter', `The server does not declare "${entry.name}" for ${model.resourceType}; it may ignore it.`);
  }

  if (!hasSomeValue(entry))
    push('warning', 'empty-value', `"${written}" has no value; servers ignore empty parameters.`);

  if (!definition) return;
  if (entry.modifier !== undefined && !isModifierAllowed(definition.type, entry.modifier, definitions.isResourceType)) {
    push('error', 'modifier-not-allowed', `":${entry.modifier}" is not a modifier for ${definition.type} parameters like "${entry.name}".`);
    return;
  }
  if (entry.modifier === 'missing' && entry.values.some((value) => value.kind !== 'string' || !['true', 'false'].includes(value.value)))
    push('error', 'missing-not-boolean', `"${written}" takes true or false.`);

  const expected = valueKindFor(definition.type, entry.modifier);
  for (const value of entry.values) {
    if (value.kind !== expected) {
      push('error', 'value-kind-mismatch', `"${written}" expects a ${expected} value, not ${value.kind}.`);
      continue;
    }
    if (value.kind === 'composite' && definition.components && value.parts.length !== definition.components.length)
      push('error', 'composite-parts', `"${written}" has ${definition.components.length} parts (${definition.components.join('$')}), not ${value.parts.length}.`);
  }

  for (const value of leaves(entry.values)) {
    if (value.kind === 'date') checkDate(value.value, push);
    if ((value.kind === 'number' || value.kind === 'quantity') && value.value !== '' && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value.value))
      push('error', 'number-format', `"${value.value}" is not a number.`);
    if (options.redox && 'prefix' in value && value.prefix && !REDOX_PREFIXES.includes(value.prefix))
      push('warning', 'redox-prefix', `Redox documents the prefixes gt, ge, lt, le and ne; "${value.prefix}" may be refused.`);
  }
}

function checkEntry(
  entry: SearchEntry,
  model: SearchModel,
  definitions: SearchDefinitions,
  options: SearchCheckOptions,
  push: (severity: SearchWarningSeverity, code: string, message: string) => void,
): void {
  switch (entry.kind) {
    case 'search':
      checkSearchParameter(entry, model, definitions, options, push);
      return;
    case 'include': {
      if (entry.sourceType === '*' || entry.parameter === undefined || entry.parameter === '*') return;
      const reference = definitions.find(entry.sourceType, entry.parameter);
      if (reference?.type !== 'reference') push('warning', 'include-not-reference', `${entry.sourceType} has no reference parameter "${entry.parameter}" to include by.`);
      else if (entry.targetType && reference.targets && !reference.targets.includes(entry.targetType))
        push('warning', 'include-target-not-allowed', `${entry.sourceType}:${entry.parameter} cannot point at ${entry.targetType}.`);
      if (!entry.iterate && !entry.reverse && model.resourceType && entry.sourceType !== model.resourceType)
        push('warning', 'include-other-type', `_include=${formatIncludeValue(entry)} starts from ${entry.sourceType}, but the search returns ${model.resourceType}; did you mean :iterate?`);
      if (!entry.reverse && model.resourceType) {
        const declared = definitions.includesOf(model.resourceType);
        const written = formatIncludeValue(entry);
        if (declared && declared.include.length > 0 && !declared.include.includes(written) && !declared.include.includes('*'))
          push('warning', 'include-undeclared', `The server does not list _include=${written} for ${model.resourceType}.`);
      }
      if (entry.reverse && model.resourceType) {
        const declared = definitions.includesOf(model.resourceType);
        const written = formatIncludeValue(entry);
        if (declared && declared.revinclude.length > 0 && !declared.revinclude.includes(written) && !declared.revinclude.includes('*'))
          push('warning', 'revinclude-undeclared', `The server does not list _revinclude=${written} for ${model.resourceType}.`);
      }
      return;
    }
    case 'sort':
      if (entry.keys.length === 0) push('warning', 'empty-value', '_sort has no keys.');
      for (const key of entry.keys)
        if (model.resourceType && !definitions.find(model.resourceType, key.parameter))
          push('warning', 'sort-unknown', `${model.resourceType} has no search parameter "${key.parameter}" to sort by.`);
      return;
    case 'elements':
      if (entry.elements.length === 0) push('warning', 'empty-value', '_elements lists no elements.');
      return;
    case 'raw':
      if (entry.text !== '') push('info', 'raw-parameter', `"${entry.text}" is kept exactly as written and not checked.`);
      return;
    case 'count':
    case 'summary':
    case 'total':
    case 'contained':
    case 'contained-type':
      return;
  }
}

/** Names present at top level (plus `hop.name` for one-hop chains), for the US Core patterns. */
function presentNames(model: SearchModel): Set<string> {
  const names = new Set<string>();
  for (const entry of model.parameters) {
    if (entry.kind !== 'search' || entry.has?.length || !hasSomeValue(entry)) continue;
    names.add([...(entry.chain ?? []).map((hop) => hop.parameter), entry.name].join('.'));
  }
  return names;
}

function checkUsCore(model: SearchModel, version: string | undefined, push: (severity: SearchWarningSeverity, code: string, message: string) => void): void {
  if (!model.resourceType) return;
  const patterns = usCoreShallPatterns(model.resourceType, version);
  if (patterns.length === 0) return;
  const names = presentNames(model);
  if (patterns.some((pattern) => pattern.every((name) => names.has(name)))) return;
  const options = patterns.map((pattern) => pattern.join('+')).join(', ');
  push('warning', 'us-core-combination', `US Core servers only have to answer ${model.resourceType} searches with one of: ${options}.`);
}

export function checkSearch(model: SearchModel, options: SearchCheckOptions = {}): SearchWarning[] {
  const definitions = options.definitions ?? r4SearchDefinitions();
  const warnings: SearchWarning[] = [];
  const pushFor =
    (index?: number, parameter?: string) =>
    (severity: SearchWarningSeverity, code: string, message: string): void => {
      const warning: SearchWarning = { severity, code, message };
      if (parameter !== undefined) warning.parameter = parameter;
      if (index !== undefined) warning.index = index;
      warnings.push(warning);
    };
  const push = pushFor();

  if (model.resourceType !== undefined) {
    if (!definitions.isResourceType(model.resourceType)) push('error', 'unknown-resource-type', `${model.resourceType} is not a FHIR R4 resource type.`);
    else if (definitions.origin === 'capability-statement' && !definitions.resourceTypes.includes(model.resourceType))
      push('warning', 'resource-type-undeclared', `The server's CapabilityStatement does not list ${model.resourceType}.`);
  }

  model.parameters.forEach((entry, index) => {
    const parameter = entry.kind === 'raw' ? undefined : formatEntry(entry).name;
    checkEntry(entry, model, definitions, options, pushFor(index, parameter));
  });

  if (options.usCore !== false) checkUsCore(model, typeof options.usCore === 'object' ? options.usCore.version : undefined, push);
  if (options.redox && options.method === 'GET')
    push('warning', 'redox-requires-post', 'Redox documents searches as POST [base]/[type]/_search with a form body (it keeps PHI out of URLs); GET may not work.');
  return warnings;
}
