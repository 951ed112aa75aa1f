/**
 * A parameter name as written → its reverse chain, forward chain, final code and modifier:
 * `_has:Observation:patient:_has:AuditEvent:entity:agent` or `subject:Patient.organization.name:exact`.
 */
import { type ChainHop, type ReverseChainHop, type SearchParameterEntry } from './search-model';

export type ParsedName = Pick<SearchParameterEntry, 'name' | 'modifier' | 'chain' | 'has'>;

/** Parameter codes and modifiers: letters, digits, `-`, `_` (codes like `_lastUpdated`, `address-postalcode`). */
const CODE = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const RESOURCE_TYPE = /^[A-Z][A-Za-z]*$/;

/** Null when the name is not well formed (empty segments, stray colons); such parameters stay raw. */
export function parseParameterName(text: string): ParsedName | null {
  const has: ReverseChainHop[] = [];
  let rest = text;
  while (rest.startsWith('_has:')) {
    const [, resourceType = '', parameter = '', ...tail] = rest.split(':');
    if (!RESOURCE_TYPE.test(resourceType) || !CODE.test(parameter) || tail.length === 0) return null;
    has.push({ resourceType, parameter });
    rest = tail.join(':');
  }

  const segments = rest.split('.');
  const last = segments.pop() ?? '';
  const chain: ChainHop[] = [];
  for (const segment of segments) {
    const [parameter = '', targetType, ...extra] = segment.split(':');
    if (!CODE.test(parameter) || extra.length > 0 || (targetType !== undefined && !RESOURCE_TYPE.test(targetType))) return null;
    chain.push(targetType === undefined ? { parameter } : { parameter, targetType });
  }

  const [name = '', modifier, ...extra] = last.split(':');
  if (!CODE.test(name) || extra.length > 0 || (modifier !== undefined && !CODE.test(modifier))) return null;
  const parsed: ParsedName = { name };
  if (modifier !== undefined) parsed.modifier = modifier;
  if (chain.length > 0) parsed.chain = chain;
  if (has.length > 0) parsed.has = has;
  return parsed;
}
