/**
 * One OR-value in FHIR value syntax (escaped, already percent-decoded) → a typed SearchValue.
 * Returns null when the text does not fit the expected shape; the caller then keeps the whole
 * parameter raw rather than guess.
 */
import { splitUnescaped, unescapeSearchValue } from './escaping';
import { type SearchPrefix, type SearchValue, type SearchValueKind, SEARCH_PREFIXES } from './search-model';

/** `Type/id` where Type looks like a resource type and id like a FHIR id (no further `/`). */
const TYPED_REFERENCE = /^([A-Z][A-Za-z]+)\/([^/]+)$/;

function splitPrefix(text: string): { prefix?: SearchPrefix; rest: string } {
  const candidate = text.slice(0, 2);
  return (SEARCH_PREFIXES as readonly string[]).includes(candidate)
    ? { prefix: candidate as SearchPrefix, rest: text.slice(2) }
    : { rest: text };
}

/** Unescapes every piece, or null if any is malformed. */
function unescapeAll(pieces: string[]): string[] | null {
  const out: string[] = [];
  for (const piece of pieces) {
    const value = unescapeSearchValue(piece);
    if (value === null) return null;
    out.push(value);
  }
  return out;
}

export function parseSearchValue(text: string, kind: SearchValueKind, componentKinds: SearchValueKind[] = []): SearchValue | null {
  switch (kind) {
    case 'text':
      return { kind: 'text', value: text };
    case 'string': {
      const value = unescapeSearchValue(text);
      return value === null ? null : { kind: 'string', value };
    }
    case 'token': {
      const parts = unescapeAll(splitUnescaped(text, '|'));
      if (!parts || parts.length > 2) return null;
      const [first = '', second] = parts;
      return second === undefined ? { kind: 'token', code: first } : { kind: 'token', system: first, code: second };
    }
    case 'of-type': {
      const parts = unescapeAll(splitUnescaped(text, '|'));
      if (!parts || parts.length !== 3) return null;
      const [system = '', code = '', value = ''] = parts;
      return { kind: 'of-type', system, code, value };
    }
    case 'date':
    case 'number': {
      const { prefix, rest } = splitPrefix(text);
      const value = unescapeSearchValue(rest);
      if (value === null) return null;
      return prefix ? { kind, prefix, value } : { kind, value };
    }
    case 'quantity': {
      const { prefix, rest } = splitPrefix(text);
      const parts = unescapeAll(splitUnescaped(rest, '|'));
      if (!parts || (parts.length !== 1 && parts.length !== 3)) return null;
      const [value = '', system, code] = parts;
      const quantity: SearchValue = { kind: 'quantity', value };
      if (prefix) quantity.prefix = prefix;
      if (system !== undefined) Object.assign(quantity, { system, code });
      return quantity;
    }
    case 'reference': {
      const value = unescapeSearchValue(text);
      if (value === null) return null;
      const typed = TYPED_REFERENCE.exec(value);
      return typed ? { kind: 'reference', resourceType: typed[1], id: typed[2] ?? '' } : { kind: 'reference', id: value };
    }
    case 'composite': {
      const pieces = splitUnescaped(text, '$');
      const parts: SearchValue[] = [];
      for (const [index, piece] of pieces.entries()) {
        // Components beyond the known ones (or of an unknown composite) are read verbatim.
        const part = parseSearchValue(piece, componentKinds[index] ?? 'text');
        if (!part) return null;
        parts.push(part);
      }
      return { kind: 'composite', parts };
    }
  }
}
