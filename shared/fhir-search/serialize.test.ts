import { describe, expect, it } from 'vitest';
import { parseFormBody } from './parse-query';
import { parseSearchUrl } from './parse-url';
import { type SearchModel } from './search-model';
import { searchModelSchema } from './search-model-schema';
import { formatSearchValue, toFormBody, toSearchRequest, toSearchUrl } from './serialize';

const model: SearchModel = {
  resourceType: 'Patient',
  parameters: [
    { kind: 'search', name: 'identifier', values: [{ kind: 'token', system: 'urn:redox:MRN', code: '0000000001' }] },
    { kind: 'search', name: 'family', values: [{ kind: 'string', value: "O'Brien & Sons" }] },
  ],
};

describe('requests', () => {
  it('GET puts the query on the URL, tolerating a trailing slash on the base', () => {
    expect(toSearchRequest(model, { base: 'https://h/fhir/', method: 'GET' })).toEqual({
      method: 'GET',
      url: "https://h/fhir/Patient?identifier=urn:redox:MRN|0000000001&family=O'Brien%20%26%20Sons",
    });
  });

  it('POST goes to [type]/_search with a form body that parses back', () => {
    const request = toSearchRequest(model, { base: 'https://api.redoxengine.com/fhir/R4/slug/Development', method: 'POST' });
    expect(request).toEqual({
      method: 'POST',
      url: 'https://api.redoxengine.com/fhir/R4/slug/Development/Patient/_search',
      body: "identifier=urn:redox:MRN|0000000001&family=O'Brien%20%26%20Sons",
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(parseFormBody(request.body ?? '', 'Patient')).toEqual(model.parameters);
  });

  it('system-level and compartment searches', () => {
    expect(toSearchRequest({ parameters: [] }, { base: 'https://h', method: 'POST' }).url).toBe('https://h/_search');
    expect(toSearchUrl({ parameters: [{ kind: 'count', count: 1 }] }, 'https://h/')).toBe('https://h?_count=1');
    expect(toSearchUrl({ resourceType: 'Observation', compartment: { resourceType: 'Patient', id: 'p1' }, parameters: [] }, 'https://h')).toBe(
      'https://h/Patient/p1/Observation',
    );
    expect(toFormBody({ parameters: [] })).toBe('');
  });

  it('formats values of every kind', () => {
    expect(formatSearchValue({ kind: 'quantity', value: '5', code: 'mg' })).toBe('5||mg');
    expect(formatSearchValue({ kind: 'reference', resourceType: 'Patient', id: 'a,b' })).toBe('Patient/a\\,b');
    expect(formatSearchValue({ kind: 'of-type', system: 's', code: 'MR', value: 'x|y' })).toBe('s|MR|x\\|y');
    expect(formatSearchValue({ kind: 'text', value: 'a|b\\c' })).toBe('a|b\\c');
  });
});

describe('search model schema', () => {
  it('accepts parsed models', () => {
    const parsed = parseSearchUrl(
      'Observation?subject:Patient.name=x&_has:Encounter:patient:date=ge2020&code-value-quantity=a|b$gt5|u|mg&_include:iterate=Observation:performer&_sort=-date&_count=5&_summary=data&_elements=id&_total=none&_contained=true&_containedType=contained&%zz',
    );
    expect(searchModelSchema.parse(parsed.model)).toEqual(parsed.model);
  });

  it('rejects malformed models', () => {
    expect(searchModelSchema.safeParse({ parameters: [{ kind: 'search', name: '', values: [] }] }).success).toBe(false);
    expect(searchModelSchema.safeParse({ parameters: [{ kind: 'count', count: -1 }] }).success).toBe(false);
    expect(
      searchModelSchema.safeParse({ parameters: [{ kind: 'search', name: 'date', values: [{ kind: 'date', prefix: 'xx', value: '2020' }] }] }).success,
    ).toBe(false);
    expect(searchModelSchema.safeParse({ parameters: [{ kind: 'nope' }] }).success).toBe(false);
  });
});
