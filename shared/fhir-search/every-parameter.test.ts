import { describe, expect, it } from 'vitest';
import { r4SearchDefinitions } from './definitions';
import { describeRawEntry, emptyValueForParameter, rawEntry } from './entry-helpers';
import { parseSearchUrl } from './parse-url';
import { type SearchEntry, type SearchModel, type SearchValue } from './search-model';
import { toSearchUrl } from './serialize';

/** A tricky sample of each value kind: delimiters, non-ASCII and form-encoding characters. */
function sample(value: SearchValue): SearchValue {
  switch (value.kind) {
    case 'string':
      return { kind: 'string', value: 'Zoë, a|b $c \\d +e &f =g' };
    case 'text':
      return { kind: 'text', value: 'a|b c+d' };
    case 'token':
      return { kind: 'token', system: 'http://s.org/x|y', code: 'c,1$ é' };
    case 'of-type':
      return { kind: 'of-type', system: 'http://t.org', code: 'MR', value: '1|2' };
    case 'date':
      return { kind: 'date', prefix: 'ge', value: '2024-01-01T00:00:00+05:30' };
    case 'number':
      return { kind: 'number', prefix: 'ap', value: '-1.5e3' };
    case 'quantity':
      return { kind: 'quantity', prefix: 'le', value: '5.4', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' };
    case 'reference':
      return { kind: 'reference', resourceType: 'Patient', id: 'a-1.2' };
    case 'composite':
      return { kind: 'composite', parts: value.parts.map(sample) };
  }
}

describe('every R4 search parameter of every resource type round-trips', () => {
  const definitions = r4SearchDefinitions();
  for (const resourceType of definitions.resourceTypes) {
    it(resourceType, () => {
      const parameters: SearchEntry[] = definitions.parametersOf(resourceType).map((definition) => ({
        kind: 'search',
        name: definition.code,
        values: [sample(emptyValueForParameter(definitions, resourceType, definition)), sample(emptyValueForParameter(definitions, resourceType, definition))],
      }));
      const model: SearchModel = { resourceType, parameters };
      const url = toSearchUrl(model, 'https://fhir.example/r4');
      const parsed = parseSearchUrl(url);
      expect(parsed.model).toEqual(model);
      expect(toSearchUrl(parsed.model, parsed.base)).toBe(url);
    });
  }
});

describe('entry helpers', () => {
  it('raw entries from name and value', () => {
    const entry = rawEntry('x-custom', 'a&b');
    expect(entry).toEqual({ kind: 'raw', text: 'x-custom=a%26b' });
    expect(describeRawEntry(entry)).toEqual({ name: 'x-custom', value: 'a&b' });
    expect(describeRawEntry({ kind: 'raw', text: 'flag' })).toEqual({ name: 'flag' });
    expect(describeRawEntry({ kind: 'raw', text: 'a=%zz' })).toEqual({ name: 'a', value: '%zz' });
  });

  it('empty values follow type and modifier', () => {
    const r4 = r4SearchDefinitions();
    expect(emptyValueForParameter(r4, 'Observation', r4.find('Observation', 'code'), 'text')).toEqual({ kind: 'string', value: '' });
    expect(emptyValueForParameter(r4, 'Observation', r4.find('Observation', 'subject'), 'identifier')).toEqual({ kind: 'token', code: '' });
    expect(emptyValueForParameter(r4, 'Observation', r4.find('Observation', 'code-value-quantity'))).toEqual({
      kind: 'composite',
      parts: [
        { kind: 'token', code: '' },
        { kind: 'quantity', value: '' },
      ],
    });
    expect(emptyValueForParameter(r4, 'Observation', undefined)).toEqual({ kind: 'text', value: '' });
  });
});
