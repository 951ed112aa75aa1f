/**
 * Which modifiers and prefixes each parameter type allows, and which value shape a parameter
 * takes given its type and modifier (FHIR R4 search.html §3.1.1, plus R5's token additions).
 */
import { type SearchParamType, type SearchPrefix, type SearchValueKind, SEARCH_PREFIXES } from './search-model';

/** Modifiers per type. Reference also takes any resource type as a modifier (`subject:Patient`). */
export const MODIFIERS_BY_TYPE: Record<SearchParamType, readonly string[]> = {
  string: ['exact', 'contains', 'missing', 'text'],
  token: ['text', 'not', 'above', 'below', 'in', 'not-in', 'of-type', 'missing', 'code-text', 'text-advanced'],
  reference: ['identifier', 'missing', 'above', 'below'],
  date: ['missing'],
  number: ['missing'],
  quantity: ['missing'],
  uri: ['above', 'below', 'missing'],
  composite: [],
  special: [],
};

/** Types whose values take a comparison prefix. */
export const PREFIXES_BY_TYPE: Record<SearchParamType, readonly SearchPrefix[]> = {
  string: [],
  token: [],
  reference: [],
  date: SEARCH_PREFIXES,
  number: SEARCH_PREFIXES,
  quantity: SEARCH_PREFIXES,
  uri: [],
  composite: [],
  special: [],
};

/** Whether `modifier` is valid on a parameter of `type` (a capitalised name counts as a `:Type` on references). */
export function isModifierAllowed(type: SearchParamType, modifier: string, isResourceType: (name: string) => boolean): boolean {
  if (MODIFIERS_BY_TYPE[type].includes(modifier)) return true;
  return type === 'reference' && isResourceType(modifier);
}

/**
 * The value shape a parameter takes. `type` undefined = an unknown parameter, read verbatim.
 */
export function valueKindFor(type: SearchParamType | undefined, modifier: string | undefined): SearchValueKind {
  if (type === undefined || type === 'special') return 'text';
  if (modifier === 'missing') return 'string';
  switch (type) {
    case 'string':
    case 'uri':
      return 'string';
    case 'token':
      if (modifier === 'text' || modifier === 'code-text' || modifier === 'text-advanced') return 'string';
      if (modifier === 'in' || modifier === 'not-in') return 'text';
      if (modifier === 'of-type') return 'of-type';
      return 'token';
    case 'reference':
      return modifier === 'identifier' ? 'token' : 'reference';
    case 'date':
      return 'date';
    case 'number':
      return 'number';
    case 'quantity':
      return 'quantity';
    case 'composite':
      return 'composite';
  }
}
