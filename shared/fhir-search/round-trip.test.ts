import { describe, expect, it } from 'vitest';
import { parseSearchUrl } from './parse-url';
import { type SearchEntry, type SearchModel } from './search-model';
import { toSearchPath, toSearchUrl } from './serialize';

/** Parses `path` (relative, `Type?query`) and checks the entries and the exact text written back. */
function expectRoundTrip(path: string, entries: SearchEntry[]): void {
  const parsed = parseSearchUrl(path);
  expect(parsed.model.parameters).toEqual(entries);
  expect(toSearchPath(parsed.model)).toBe(path);
}

/** Model → path → model gives the same model, and the path is the expected text. */
function expectBuilds(model: SearchModel, path: string): void {
  expect(toSearchPath(model)).toBe(path);
  expect(parseSearchUrl(path).model).toEqual(model);
}

describe('every parameter type', () => {
  it('string, with :exact, :contains, :missing', () => {
    expectRoundTrip('Patient?name=smith&family:exact=Smith&given:contains=ann&email:missing=true', [
      { kind: 'search', name: 'name', values: [{ kind: 'string', value: 'smith' }] },
      { kind: 'search', name: 'family', modifier: 'exact', values: [{ kind: 'string', value: 'Smith' }] },
      { kind: 'search', name: 'given', modifier: 'contains', values: [{ kind: 'string', value: 'ann' }] },
      { kind: 'search', name: 'email', modifier: 'missing', values: [{ kind: 'string', value: 'true' }] },
    ]);
  });

  it('token forms: code, system|code, |code, system|', () => {
    expectRoundTrip('Observation?code=1234-5,http://loinc.org|8480-6,|abc,http://snomed.info/sct|', [
      {
        kind: 'search',
        name: 'code',
        values: [
          { kind: 'token', code: '1234-5' },
          { kind: 'token', system: 'http://loinc.org', code: '8480-6' },
          { kind: 'token', system: '', code: 'abc' },
          { kind: 'token', system: 'http://snomed.info/sct', code: '' },
        ],
      },
    ]);
  });

  it('token modifiers: :text, :not, :above, :below, :in, :not-in, :of-type', () => {
    expectRoundTrip(
      'Condition?code:text=heart%20attack&clinical-status:not=resolved&code:below=http://snomed.info/sct|22298006&code:above=http://snomed.info/sct|1&code:in=http://hl7.org/fhir/ValueSet/c|2.0&code:not-in=http://x/vs',
      [
        { kind: 'search', name: 'code', modifier: 'text', values: [{ kind: 'string', value: 'heart attack' }] },
        { kind: 'search', name: 'clinical-status', modifier: 'not', values: [{ kind: 'token', code: 'resolved' }] },
        { kind: 'search', name: 'code', modifier: 'below', values: [{ kind: 'token', system: 'http://snomed.info/sct', code: '22298006' }] },
        { kind: 'search', name: 'code', modifier: 'above', values: [{ kind: 'token', system: 'http://snomed.info/sct', code: '1' }] },
        { kind: 'search', name: 'code', modifier: 'in', values: [{ kind: 'text', value: 'http://hl7.org/fhir/ValueSet/c|2.0' }] },
        { kind: 'search', name: 'code', modifier: 'not-in', values: [{ kind: 'text', value: 'http://x/vs' }] },
      ].map((entry) => entry as SearchEntry),
    );
    // a literal space (or +) in a pasted URL is written back as %20
    expect(toSearchPath(parseSearchUrl('Condition?code:text=heart attack').model)).toBe('Condition?code:text=heart%20attack');
    expect(toSearchPath(parseSearchUrl('Condition?code:text=heart+attack').model)).toBe('Condition?code:text=heart%20attack');
  });

  it('token :of-type (identifier type + value)', () => {
    expectRoundTrip('Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|MR|446053', [
      {
        kind: 'search',
        name: 'identifier',
        modifier: 'of-type',
        values: [{ kind: 'of-type', system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', value: '446053' }],
      },
    ]);
  });

  it('reference: Type/id, id, absolute URL, :Type, :identifier, :missing', () => {
    expectRoundTrip(
      'Observation?subject=Patient/123,456,https://other.example/fhir/Patient/9&subject:Patient=123&subject:identifier=urn:oid:1.2.3|MRN7&encounter:missing=false',
      [
        {
          kind: 'search',
          name: 'subject',
          values: [
            { kind: 'reference', resourceType: 'Patient', id: '123' },
            { kind: 'reference', id: '456' },
            { kind: 'reference', id: 'https://other.example/fhir/Patient/9' },
          ],
        },
        { kind: 'search', name: 'subject', modifier: 'Patient', values: [{ kind: 'reference', id: '123' }] },
        { kind: 'search', name: 'subject', modifier: 'identifier', values: [{ kind: 'token', system: 'urn:oid:1.2.3', code: 'MRN7' }] },
        { kind: 'search', name: 'encounter', modifier: 'missing', values: [{ kind: 'string', value: 'false' }] },
      ],
    );
  });

  it('canonical references keep | as the version separator', () => {
    expectRoundTrip('QuestionnaireResponse?questionnaire=http://example.org/Questionnaire/phq9|1.0', [
      { kind: 'search', name: 'questionnaire', values: [{ kind: 'reference', id: 'http://example.org/Questionnaire/phq9|1.0' }] },
    ]);
  });

  it('date with every prefix, and AND repeats', () => {
    const prefixes = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'] as const;
    const path = `Observation?${prefixes.map((prefix) => `date=${prefix}2024-01-01`).join('&')}&date=2024`;
    expectRoundTrip(path, [
      ...prefixes.map((prefix): SearchEntry => ({ kind: 'search', name: 'date', values: [{ kind: 'date', prefix, value: '2024-01-01' }] })),
      { kind: 'search', name: 'date', values: [{ kind: 'date', value: '2024' }] },
    ]);
  });

  it('dateTime with a timezone offset (the + is percent-encoded)', () => {
    expectRoundTrip('Observation?date=ge2018-03-14T00:00:00-08:00&date=lt2018-03-15T00:00:00%2B05:30&_lastUpdated=gt2024-01-01T10:00:00Z', [
      { kind: 'search', name: 'date', values: [{ kind: 'date', prefix: 'ge', value: '2018-03-14T00:00:00-08:00' }] },
      { kind: 'search', name: 'date', values: [{ kind: 'date', prefix: 'lt', value: '2018-03-15T00:00:00+05:30' }] },
      { kind: 'search', name: '_lastUpdated', values: [{ kind: 'date', prefix: 'gt', value: '2024-01-01T10:00:00Z' }] },
    ]);
  });

  it('number with prefixes', () => {
    expectRoundTrip('RiskAssessment?probability=gt0.8,le0.1,0.5', [
      {
        kind: 'search',
        name: 'probability',
        values: [
          { kind: 'number', prefix: 'gt', value: '0.8' },
          { kind: 'number', prefix: 'le', value: '0.1' },
          { kind: 'number', value: '0.5' },
        ],
      },
    ]);
  });

  it('quantity: number, number|system|code, number||code, with prefixes', () => {
    expectRoundTrip('Observation?value-quantity=5.4,le5.4|http://unitsofmeasure.org|mg,ap5.4||mg', [
      {
        kind: 'search',
        name: 'value-quantity',
        values: [
          { kind: 'quantity', value: '5.4' },
          { kind: 'quantity', prefix: 'le', value: '5.4', system: 'http://unitsofmeasure.org', code: 'mg' },
          { kind: 'quantity', prefix: 'ap', value: '5.4', system: '', code: 'mg' },
        ],
      },
    ]);
  });

  it('uri, with :above and :below', () => {
    expectRoundTrip('ValueSet?url=http://acme.org/fhir/ValueSet/123&url:below=http://acme.org/fhir/&url:above=http://acme.org/fhir/ValueSet/123/_history/5', [
      { kind: 'search', name: 'url', values: [{ kind: 'string', value: 'http://acme.org/fhir/ValueSet/123' }] },
      { kind: 'search', name: 'url', modifier: 'below', values: [{ kind: 'string', value: 'http://acme.org/fhir/' }] },
      { kind: 'search', name: 'url', modifier: 'above', values: [{ kind: 'string', value: 'http://acme.org/fhir/ValueSet/123/_history/5' }] },
    ]);
  });

  it('composite: token$quantity and token$token, with OR', () => {
    expectRoundTrip('Observation?code-value-quantity=http://loinc.org|8480-6$gt100&component-code-value-concept=http://loinc.org|8480-6$a,http://loinc.org|1$b', [
      {
        kind: 'search',
        name: 'code-value-quantity',
        values: [
          {
            kind: 'composite',
            parts: [
              { kind: 'token', system: 'http://loinc.org', code: '8480-6' },
              { kind: 'quantity', prefix: 'gt', value: '100' },
            ],
          },
        ],
      },
      {
        kind: 'search',
        name: 'component-code-value-concept',
        values: [
          { kind: 'composite', parts: [{ kind: 'token', system: 'http://loinc.org', code: '8480-6' }, { kind: 'token', code: 'a' }] },
          { kind: 'composite', parts: [{ kind: 'token', system: 'http://loinc.org', code: '1' }, { kind: 'token', code: 'b' }] },
        ],
      },
    ]);
  });

  it('composite with a date component and a three-part MolecularSequence composite', () => {
    expectRoundTrip('Observation?code-value-date=http://loinc.org|1$ge2020-01-01', [
      {
        kind: 'search',
        name: 'code-value-date',
        values: [{ kind: 'composite', parts: [{ kind: 'token', system: 'http://loinc.org', code: '1' }, { kind: 'date', prefix: 'ge', value: '2020-01-01' }] }],
      },
    ]);
    expectRoundTrip('MolecularSequence?chromosome-variant-coordinate=1$gt123$lt345', [
      {
        kind: 'search',
        name: 'chromosome-variant-coordinate',
        values: [{ kind: 'composite', parts: [{ kind: 'token', code: '1' }, { kind: 'number', prefix: 'gt', value: '123' }, { kind: 'number', prefix: 'lt', value: '345' }] }],
      },
    ]);
  });

  it('special (Location near) is kept verbatim', () => {
    expectRoundTrip('Location?near=-83.694810|42.256500|11.20|km', [
      { kind: 'search', name: 'near', values: [{ kind: 'text', value: '-83.694810|42.256500|11.20|km' }] },
    ]);
  });

  it('common parameters on any type', () => {
    expectRoundTrip(
      'Condition?_id=1,2&_tag=http://acme|x&_profile=http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-problems-health-concerns&_security:not=R&_source=http://src&_text=cancer&_content=chest&_list=42',
      [
        { kind: 'search', name: '_id', values: [{ kind: 'token', code: '1' }, { kind: 'token', code: '2' }] },
        { kind: 'search', name: '_tag', values: [{ kind: 'token', system: 'http://acme', code: 'x' }] },
        {
          kind: 'search',
          name: '_profile',
          values: [{ kind: 'string', value: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-problems-health-concerns' }],
        },
        { kind: 'search', name: '_security', modifier: 'not', values: [{ kind: 'token', code: 'R' }] },
        { kind: 'search', name: '_source', values: [{ kind: 'string', value: 'http://src' }] },
        { kind: 'search', name: '_text', values: [{ kind: 'string', value: 'cancer' }] },
        { kind: 'search', name: '_content', values: [{ kind: 'string', value: 'chest' }] },
        { kind: 'search', name: '_list', values: [{ kind: 'text', value: '42' }] },
      ],
    );
  });
});

describe('chains', () => {
  it('forward chain without and with a target type', () => {
    expectRoundTrip('Observation?patient.identifier=http://hospital.org|123&subject:Patient.name=smith', [
      { kind: 'search', name: 'identifier', chain: [{ parameter: 'patient' }], values: [{ kind: 'token', system: 'http://hospital.org', code: '123' }] },
      { kind: 'search', name: 'name', chain: [{ parameter: 'subject', targetType: 'Patient' }], values: [{ kind: 'string', value: 'smith' }] },
    ]);
  });

  it('multi-hop chain with a modifier on the final parameter', () => {
    expectRoundTrip('Observation?subject:Patient.general-practitioner:Practitioner.name:exact=Welby', [
      {
        kind: 'search',
        name: 'name',
        modifier: 'exact',
        chain: [
          { parameter: 'subject', targetType: 'Patient' },
          { parameter: 'general-practitioner', targetType: 'Practitioner' },
        ],
        values: [{ kind: 'string', value: 'Welby' }],
      },
    ]);
  });

  it('chain ending in a date types the value through the hops', () => {
    expectRoundTrip('Observation?encounter.date=ge2024-01-01', [
      { kind: 'search', name: 'date', chain: [{ parameter: 'encounter' }], values: [{ kind: 'date', prefix: 'ge', value: '2024-01-01' }] },
    ]);
  });

  it('PractitionerRole chained SHALL parameters', () => {
    expectRoundTrip('PractitionerRole?practitioner.identifier=http://hl7.org/fhir/sid/us-npi|97860456&practitioner.name=Henry', [
      { kind: 'search', name: 'identifier', chain: [{ parameter: 'practitioner' }], values: [{ kind: 'token', system: 'http://hl7.org/fhir/sid/us-npi', code: '97860456' }] },
      { kind: 'search', name: 'name', chain: [{ parameter: 'practitioner' }], values: [{ kind: 'string', value: 'Henry' }] },
    ]);
  });
});

describe('reverse chains (_has)', () => {
  it('single _has', () => {
    expectRoundTrip('Patient?_has:Observation:patient:code=http://loinc.org|1234-5', [
      {
        kind: 'search',
        name: 'code',
        has: [{ resourceType: 'Observation', parameter: 'patient' }],
        values: [{ kind: 'token', system: 'http://loinc.org', code: '1234-5' }],
      },
    ]);
  });

  it('nested _has', () => {
    expectRoundTrip('Patient?_has:Observation:patient:_has:AuditEvent:entity:agent=MyUserId', [
      {
        kind: 'search',
        name: 'agent',
        has: [
          { resourceType: 'Observation', parameter: 'patient' },
          { resourceType: 'AuditEvent', parameter: 'entity' },
        ],
        values: [{ kind: 'reference', id: 'MyUserId' }],
      },
    ]);
  });

  it('_has ending in a modifier or a forward chain', () => {
    expectRoundTrip('Patient?_has:Observation:subject:code:text=glucose&_has:Encounter:patient:service-provider.name=Acme', [
      { kind: 'search', name: 'code', modifier: 'text', has: [{ resourceType: 'Observation', parameter: 'subject' }], values: [{ kind: 'string', value: 'glucose' }] },
      {
        kind: 'search',
        name: 'name',
        has: [{ resourceType: 'Encounter', parameter: 'patient' }],
        chain: [{ parameter: 'service-provider' }],
        values: [{ kind: 'string', value: 'Acme' }],
      },
    ]);
  });
});

describe('result parameters', () => {
  it('_include and _revinclude, with :iterate, target types and *', () => {
    expectRoundTrip(
      'MedicationRequest?patient=1&_include=MedicationRequest:medication&_include:iterate=Medication:manufacturer:Organization&_revinclude=Provenance:target&_revinclude:iterate=Provenance:entity&_include=*',
      [
        { kind: 'search', name: 'patient', values: [{ kind: 'reference', id: '1' }] },
        { kind: 'include', reverse: false, iterate: false, sourceType: 'MedicationRequest', parameter: 'medication' },
        { kind: 'include', reverse: false, iterate: true, sourceType: 'Medication', parameter: 'manufacturer', targetType: 'Organization' },
        { kind: 'include', reverse: true, iterate: false, sourceType: 'Provenance', parameter: 'target' },
        { kind: 'include', reverse: true, iterate: true, sourceType: 'Provenance', parameter: 'entity' },
        { kind: 'include', reverse: false, iterate: false, sourceType: '*' },
      ],
    );
  });

  it('_sort with several keys and directions', () => {
    expectRoundTrip('Observation?_sort=-date,status,_lastUpdated', [
      {
        kind: 'sort',
        keys: [
          { parameter: 'date', descending: true },
          { parameter: 'status', descending: false },
          { parameter: '_lastUpdated', descending: false },
        ],
      },
    ]);
  });

  it('_count, _summary, _elements, _total, _contained, _containedType', () => {
    expectRoundTrip('Patient?_count=50&_summary=count&_elements=identifier,name,birthDate&_total=accurate&_contained=both&_containedType=container', [
      { kind: 'count', count: 50 },
      { kind: 'summary', mode: 'count' },
      { kind: 'elements', elements: ['identifier', 'name', 'birthDate'] },
      { kind: 'total', mode: 'accurate' },
      { kind: 'contained', mode: 'both' },
      { kind: 'contained-type', mode: 'container' },
    ]);
  });
});

describe('escaping inside values', () => {
  it('string values containing , | $ \\ are escaped and read back', () => {
    expectBuilds(
      { resourceType: 'Patient', parameters: [{ kind: 'search', name: 'name', values: [{ kind: 'string', value: 'a,b|c$d\\e' }] }] },
      'Patient?name=a\\,b\\|c\\$d\\\\e'.replace(/\\/g, '%5C'),
    );
  });

  it('a comma inside a value is not an OR', () => {
    const parsed = parseSearchUrl('Patient?name=Smith%5C,John,Doe');
    expect(parsed.model.parameters).toEqual([
      { kind: 'search', name: 'name', values: [{ kind: 'string', value: 'Smith,John' }, { kind: 'string', value: 'Doe' }] },
    ]);
  });

  it('token system and code with escaped | and $', () => {
    expectBuilds(
      {
        resourceType: 'Observation',
        parameters: [{ kind: 'search', name: 'code', values: [{ kind: 'token', system: 'urn:x|y', code: 'a$b,c' }] }],
      },
      'Observation?code=urn:x%5C|y|a%5C$b%5C,c',
    );
  });

  it('composite parts with escaped $', () => {
    expectBuilds(
      {
        resourceType: 'Observation',
        parameters: [
          {
            kind: 'search',
            name: 'code-value-string',
            values: [{ kind: 'composite', parts: [{ kind: 'token', code: 'x' }, { kind: 'string', value: 'US$5' }] }],
          },
        ],
      },
      'Observation?code-value-string=x$US%5C$5',
    );
  });

  it('non-ASCII, +, &, = and spaces are percent-encoded', () => {
    expectBuilds(
      {
        resourceType: 'Patient',
        parameters: [
          { kind: 'search', name: 'family', values: [{ kind: 'string', value: 'Müller-Łukasz 李' }] },
          { kind: 'search', name: 'name', values: [{ kind: 'string', value: 'a+b&c=d' }] },
          { kind: 'search', name: 'telecom', values: [{ kind: 'token', system: 'phone', code: '+1 555 0100' }] },
        ],
      },
      'Patient?family=M%C3%BCller-%C5%81ukasz%20%E6%9D%8E&name=a%2Bb%26c%3Dd&telecom=phone|%2B1%20555%200100',
    );
  });

  it('accepts alternative encodings of the same text (normalizing them)', () => {
    const parsed = parseSearchUrl('Patient?name=J%c3%b6rg+M&identifier=http%3A%2F%2Fh.org%7C1');
    expect(parsed.model.parameters).toEqual([
      { kind: 'search', name: 'name', values: [{ kind: 'string', value: 'Jörg M' }] },
      { kind: 'search', name: 'identifier', values: [{ kind: 'token', system: 'http://h.org', code: '1' }] },
    ]);
    expect(toSearchPath(parsed.model)).toBe('Patient?name=J%C3%B6rg%20M&identifier=http://h.org|1');
  });
});

describe('unknown and malformed parts are kept raw, in place', () => {
  const raw = (text: string): SearchEntry => ({ kind: 'raw', text });

  it.each([
    ['a part without =', 'Patient?name=a&justaword&_count=5'],
    ['an empty part', 'Patient?name=a&&_count=5'],
    ['a trailing &', 'Patient?name=a&'],
    ['broken percent-encoding', 'Patient?name=%zz&_count=5'],
    ['an invalid escape', 'Patient?name=a%5Cb'],
    ['too many token parts', 'Patient?identifier=a|b|c'],
    ['a two-part quantity', 'Observation?value-quantity=5|mg'],
    ['a non-numeric _count', 'Patient?_count=ten'],
    ['a _count with leading zeros', 'Patient?_count=007'],
    ['an unknown _summary', 'Patient?_summary=maybe'],
    ['STU3 _include:recurse', 'Patient?_include:recurse=Patient:link'],
    ['STU3 _sort:asc', 'Patient?_sort:asc=name'],
    ['a malformed _include', 'Observation?_include=observation'],
    ['a malformed _has', 'Patient?_has:Observation=x'],
    ['a chain with an empty hop', 'Observation?subject..name=x'],
    ['a name with stray colons', 'Observation?code:a:b=x'],
    ['an empty name', 'Patient?=x'],
  ])('%s', (_label, path) => {
    const parsed = parseSearchUrl(path);
    expect(parsed.model.parameters.some((entry) => entry.kind === 'raw')).toBe(true);
    expect(toSearchPath(parsed.model)).toBe(path);
  });

  it('keeps order around raw entries', () => {
    const parsed = parseSearchUrl('Patient?family=a&%zz&given=b');
    expect(parsed.model.parameters).toEqual([
      { kind: 'search', name: 'family', values: [{ kind: 'string', value: 'a' }] },
      raw('%zz'),
      { kind: 'search', name: 'given', values: [{ kind: 'string', value: 'b' }] },
    ]);
  });

  it('unknown parameters are typed search entries read verbatim', () => {
    expectRoundTrip('Patient?x-custom-mrn=sys|123,other&_format=json&_pretty=true', [
      { kind: 'search', name: 'x-custom-mrn', values: [{ kind: 'text', value: 'sys|123' }, { kind: 'text', value: 'other' }] },
      { kind: 'search', name: '_format', values: [{ kind: 'text', value: 'json' }] },
      { kind: 'search', name: '_pretty', values: [{ kind: 'text', value: 'true' }] },
    ]);
  });

  it('empty values round-trip', () => {
    expectRoundTrip('Patient?name=', [{ kind: 'search', name: 'name', values: [{ kind: 'string', value: '' }] }]);
  });
});

describe('URL forms', () => {
  it('absolute URL: base, type and query', () => {
    const url = 'https://fhir.example.org/r4/Observation?patient=Patient/123&category=laboratory&date=ge2024-01-01&_include=Observation:performer';
    const parsed = parseSearchUrl(url);
    expect(parsed.base).toBe('https://fhir.example.org/r4');
    expect(parsed.model.resourceType).toBe('Observation');
    expect(parsed.searchEndpoint).toBe(false);
    expect(toSearchUrl(parsed.model, parsed.base)).toBe(url);
  });

  it('relative path with a leading slash', () => {
    const parsed = parseSearchUrl('/fhir/Patient?name=x');
    expect(parsed.base).toBe('/fhir');
    expect(toSearchUrl(parsed.model, parsed.base)).toBe('/fhir/Patient?name=x');
  });

  it('Type only, ?query only, and a bare query', () => {
    expect(parseSearchUrl('Patient').model).toEqual({ resourceType: 'Patient', parameters: [] });
    expect(parseSearchUrl('?_type=Patient').model).toEqual({
      parameters: [{ kind: 'search', name: '_type', values: [{ kind: 'token', code: 'Patient' }] }],
    });
    expect(parseSearchUrl('name=x&_count=1').model.parameters).toHaveLength(2);
  });

  it('Redox _search endpoint with a base ending in an environment name', () => {
    const parsed = parseSearchUrl('https://api.redoxengine.com/fhir/R4/redox-fhir-sandbox/Development/Patient/_search');
    expect(parsed.base).toBe('https://api.redoxengine.com/fhir/R4/redox-fhir-sandbox/Development');
    expect(parsed.model.resourceType).toBe('Patient');
    expect(parsed.searchEndpoint).toBe(true);
  });

  it('system-level search keeps the whole path as the base', () => {
    const parsed = parseSearchUrl('https://api.redoxengine.com/fhir/R4/slug/Development?_type=Patient,Practitioner');
    expect(parsed.base).toBe('https://api.redoxengine.com/fhir/R4/slug/Development');
    expect(parsed.model.resourceType).toBeUndefined();
    expect(toSearchUrl(parsed.model, parsed.base)).toBe('https://api.redoxengine.com/fhir/R4/slug/Development?_type=Patient,Practitioner');
  });

  it('compartment search', () => {
    const parsed = parseSearchUrl('https://h/fhir/Patient/123/Observation?code=x');
    expect(parsed.base).toBe('https://h/fhir');
    expect(parsed.model.compartment).toEqual({ resourceType: 'Patient', id: '123' });
    expect(toSearchUrl(parsed.model, parsed.base)).toBe('https://h/fhir/Patient/123/Observation?code=x');
  });

  it('keeps a fragment aside', () => {
    expect(parseSearchUrl('Patient?name=x#top').fragment).toBe('top');
  });
});

describe('real-world searches round-trip byte for byte', () => {
  it.each([
    // US Core (fhir-search-and-auth.md §1)
    'Patient?identifier=http://hospital.smarthealthit.org|1032702',
    'Patient?birthdate=1940-03-29&name=Shaw',
    'Patient?_id=1032702',
    'Observation?patient=1134281&category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
    'Observation?patient=1134281&code=http://loinc.org|2339-0,http://loinc.org|2345-7',
    'Observation?patient=555580&category=vital-signs&date=ge2018-03-14T00:00:00-08:00',
    'Observation?patient=555580&category=laboratory&status=final,amended,corrected',
    'Observation?patient=1134281&category=laboratory&_lastUpdated=gt2024-01-01T00:00:00Z',
    'Condition?patient=1032702&category=problem-list-item&clinical-status=active',
    'Condition?patient=1032702&onset-date=ge2020-01-01',
    'Condition.rs?category=x'.replace('Condition.rs', 'Condition'),
    'MedicationRequest?patient=14676&intent=order,plan&status=active&_include=MedicationRequest:medication',
    'MedicationDispense?patient=14676&status=completed&_include=MedicationDispense:medication',
    'Encounter?date=ge2019-01-01&patient=1137192',
    'DocumentReference?patient=1316024&category=clinical-note&date=ge2020-01-01',
    'DocumentReference?patient=1316024&type=http://loinc.org|18842-5&period=ge2020-01-01',
    'DiagnosticReport?patient=1032702&category=LAB&date=ge2020-01-01&date=lt2021-01-01',
    'CareTeam?patient=1137192&status=active&_include=CareTeam:participant:Practitioner',
    'CarePlan?patient=1137192&category=http://hl7.org/fhir/us/core/CodeSystem/careplan-category|assess-plan',
    'Goal?patient=1137192&target-date=ge2024-01-01',
    'Procedure?patient=1137192&date=ge2010-01-01&_revinclude=Provenance:target',
    'Location?address-city=Boston&address-state=MA&address-postalcode=02101',
    'PractitionerRole?specialty=208D00000X&_include=PractitionerRole:practitioner&_include=PractitionerRole:endpoint',
    'ServiceRequest?patient=1137192&category=http://snomed.info/sct|386053000&authored=ge2024-01-01',
    'QuestionnaireResponse?patient=1137192&questionnaire=http://loinc.org/q/44249-1',
    'Specimen?patient=1137192',
    'Coverage?patient=1137192',
    'Device?patient=1137192&type=http://snomed.info/sct|14106009',
    // Redox (redox-and-fhir-notifications.md §A9)
    'Patient?identifier=urn:redox:MRN|0000000001',
    'Patient?given=Timothy&family=Bixby&birthdate=2008-01-06&gender=male&address-postalcode=53703&phone=608-555-1234',
    'Condition?patient=Patient/abc&category=problem-list-item',
    'DocumentReference?_id=6f2a',
    'Appointment?patient=Patient/abc',
    'Slot?location.name=Main&service-type=consult&start=ge2024-06-01',
    'MedicationRequest?patient=abc&intent=order',
    'Observation?patient=abc&category=laboratory&date=ge2024-01-01&date=le2024-03-31',
    'Patient?_count=1',
    // core spec grammar examples
    'Observation?code-value-quantity=http://loinc.org|8480-6$gt100',
    'Observation?_sort=-date,status&_count=10&_total=estimate',
    'Patient?_summary=true&_elements=identifier,active',
  ])('%s', (path) => {
    const parsed = parseSearchUrl(path);
    expect(parsed.model.parameters.filter((entry) => entry.kind === 'raw')).toEqual([]);
    expect(toSearchPath(parsed.model)).toBe(path);
  });
});

describe('building the example search from the model', () => {
  it('Observation?patient=Patient/123&category=laboratory&date=ge2024-01-01&_include=Observation:performer', () => {
    expectBuilds(
      {
        resourceType: 'Observation',
        parameters: [
          { kind: 'search', name: 'patient', values: [{ kind: 'reference', resourceType: 'Patient', id: '123' }] },
          { kind: 'search', name: 'category', values: [{ kind: 'token', code: 'laboratory' }] },
          { kind: 'search', name: 'date', values: [{ kind: 'date', prefix: 'ge', value: '2024-01-01' }] },
          { kind: 'include', reverse: false, iterate: false, sourceType: 'Observation', parameter: 'performer' },
        ],
      },
      'Observation?patient=Patient/123&category=laboratory&date=ge2024-01-01&_include=Observation:performer',
    );
  });
});
