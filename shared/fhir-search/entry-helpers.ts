/**
 * Small constructors the composer needs when the user adds a row: an empty value of the right
 * shape for a parameter, and raw entries typed as name + value.
 */
import { type SearchDefinitions, type SearchParamDefinition } from './definitions';
import { percentDecode, percentEncode } from './escaping';
import { type RawEntry, type SearchValue, type SearchValueKind } from './search-model';
import { valueKindFor } from './value-kinds';

/** An empty value of a given kind (composites get one empty part per component kind). */
export function emptySearchValue(kind: SearchValueKind, componentKinds: SearchValueKind[] = []): SearchValue {
  switch (kind) {
    case 'string':
    case 'text':
    case 'date':
    case 'number':
    case 'quantity':
      return { kind, value: '' };
    case 'token':
      return { kind: 'token', code: '' };
    case 'of-type':
      return { kind: 'of-type', system: '', code: '', value: '' };
    case 'reference':
      return { kind: 'reference', id: '' };
    case 'composite':
      return { kind: 'composite', parts: componentKinds.map((component) => emptySearchValue(component)) };
  }
}

/** The empty value a parameter takes with a modifier, looking composite components up on `resourceType`. */
export function emptyValueForParameter(
  definitions: SearchDefinitions,
  resourceType: string,
  definition: SearchParamDefinition | undefined,
  modifier?: string,
): SearchValue {
  const kind = valueKindFor(definition?.type, modifier);
  const components = (definition?.components ?? []).map((code) => valueKindFor(definitions.find(resourceType, code)?.type, undefined));
  return emptySearchValue(kind, components);
}

/** A raw entry from a name and value as typed (percent-encoded here). */
export function rawEntry(name: string, value: string): RawEntry {
  return { kind: 'raw', text: `${percentEncode(name)}=${percentEncode(value)}` };
}

/** A raw entry's name and value for display, decoded when the encoding allows it. */
export function describeRawEntry(entry: RawEntry): { name: string; value?: string } {
  const separator = entry.text.indexOf('=');
  const name = separator === -1 ? entry.text : entry.text.slice(0, separator);
  const decodedName = percentDecode(name) ?? name;
  if (separator === -1) return { name: decodedName };
  const value = entry.text.slice(separator + 1);
  return { name: decodedName, value: percentDecode(value) ?? value };
}
