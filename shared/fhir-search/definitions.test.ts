import { describe, expect, it } from 'vitest';
import { definitionsFromCapabilityStatement, usCoreVersionOf } from './capability';
import { decodeCompactParameter, R4_RESOURCE_TYPES, r4SearchDefinitions } from './definitions';
import { parseSearchUrl } from './parse-url';
import { R4_SEARCH_DATA } from './r4-search-data.generated';

describe('bundled R4 definitions', () => {
  const r4 = r4SearchDefinitions();

  it('lists the concrete R4 resource types (and not R4B SubscriptionStatus)', () => {
    expect(R4_RESOURCE_TYPES).toHaveLength(146);
    expect(R4_RESOURCE_TYPES).toContain('Observation');
    expect(R4_RESOURCE_TYPES).toContain('Binary');
    expect(R4_RESOURCE_TYPES).not.toContain('SubscriptionStatus');
    expect(r4.isResourceType('Patient')).toBe(true);
    expect(r4.isResourceType('Development')).toBe(false);
  });

  it('types parameters, with reference targets and composite components', () => {
    expect(r4.find('Observation', 'code')).toEqual({ code: 'code', type: 'token' });
    expect(r4.find('Observation', 'patient')).toEqual({ code: 'patient', type: 'reference', targets: ['Patient'] });
    expect(r4.find('Observation', 'subject')?.targets).toEqual(['Device', 'Group', 'Location', 'Patient']);
    expect(r4.find('Observation', 'code-value-quantity')).toEqual({
      code: 'code-value-quantity',
      type: 'composite',
      components: ['code', 'value-quantity'],
    });
    expect(r4.find('Patient', 'birthdate')?.type).toBe('date');
    expect(r4.find('RiskAssessment', 'probability')?.type).toBe('number');
    expect(r4.find('Location', 'near')?.type).toBe('special');
    expect(r4.find('ValueSet', 'url')?.type).toBe('uri');
    expect(r4.find('Patient', 'nonsense')).toBeUndefined();
  });

  it('expands "any resource" targets to every type', () => {
    expect(r4.find('Provenance', 'target')?.targets).toHaveLength(R4_RESOURCE_TYPES.length);
  });

  it('has the common parameters on every type', () => {
    for (const code of ['_id', '_lastUpdated', '_tag', '_profile', '_security', '_source', '_text', '_content', '_list', '_has', '_type']) {
      expect(r4.find('Encounter', code), code).toMatchObject({ code, common: true });
    }
    expect(r4.find('Encounter', '_lastUpdated')?.type).toBe('date');
    const offered = r4.parametersOf('Encounter').map((definition) => definition.code);
    expect(offered.indexOf('patient')).toBeLessThan(offered.indexOf('_id'));
  });

  it('decodes compact entries', () => {
    expect(decodeCompactParameter('x', 'reference:A,B', ['A', 'B', 'C'])).toEqual({ code: 'x', type: 'reference', targets: ['A', 'B'] });
    expect(decodeCompactParameter('x', 'reference:*', ['A', 'B'])).toEqual({ code: 'x', type: 'reference', targets: ['A', 'B'] });
    expect(() => decodeCompactParameter('x', 'blob', [])).toThrow();
  });

  it('stays compact (it ships in the renderer bundle)', () => {
    expect(JSON.stringify(R4_SEARCH_DATA).length).toBeLessThan(80_000);
  });
});

const capabilityStatement = {
  resourceType: 'CapabilityStatement',
  fhirVersion: '4.0.1',
  instantiates: ['http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server|6.1.0'],
  rest: [
    { mode: 'client', resource: [{ type: 'Basic' }] },
    {
      mode: 'server',
      searchParam: [{ name: '_lastUpdated', type: 'date' }],
      resource: [
        {
          type: 'Patient',
          searchParam: [
            { name: 'identifier', type: 'token' },
            { name: 'name', type: 'string' },
            { name: 'x-mrn', type: 'token', definition: 'http://example.org/SearchParameter/x-mrn' },
          ],
          searchRevInclude: ['Provenance:target'],
        },
        {
          type: 'Observation',
          searchParam: [
            { name: 'patient', type: 'reference' },
            { name: 'category', type: 'token' },
            { name: 'date', type: 'date' },
          ],
          searchInclude: ['Observation:patient'],
        },
        { type: 'Encounter' },
      ],
    },
  ],
};

describe('definitions from a CapabilityStatement', () => {
  const server = definitionsFromCapabilityStatement(capabilityStatement);

  it('lists the server resource types', () => {
    expect(server.origin).toBe('capability-statement');
    expect(server.resourceTypes).toEqual(['Encounter', 'Observation', 'Patient']);
    expect(server.isResourceType('Condition')).toBe(true); // still known to R4, for parsing
  });

  it('declares parameters, enriched with R4 targets, and marks the rest undeclared', () => {
    expect(server.find('Observation', 'patient')).toEqual({ code: 'patient', type: 'reference', targets: ['Patient'], declared: true });
    expect(server.find('Observation', 'code')).toEqual({ code: 'code', type: 'token', declared: false });
    expect(server.isDeclared('Observation', 'code')).toBe(false);
    expect(server.isDeclared('Observation', '_lastUpdated')).toBe(true); // system-level searchParam
    expect(server.isDeclared('Condition', 'patient')).toBe(false); // type not supported
    expect(server.isDeclared('Encounter', 'patient')).toBeUndefined(); // no searchParam list: unknown
  });

  it('knows custom parameters and their type, so they parse typed', () => {
    expect(server.find('Patient', 'x-mrn')).toEqual({ code: 'x-mrn', type: 'token', declared: true });
    const parsed = parseSearchUrl('Patient?x-mrn=urn:x|1', { definitions: server });
    expect(parsed.model.parameters[0]).toEqual({ kind: 'search', name: 'x-mrn', values: [{ kind: 'token', system: 'urn:x', code: '1' }] });
  });

  it('offers declared parameters first', () => {
    const offered = server.parametersOf('Patient');
    expect(offered.slice(0, 3).map((definition) => definition.code)).toEqual(['identifier', 'name', 'x-mrn']);
    expect(offered.find((definition) => definition.code === 'birthdate')?.declared).toBe(false);
    expect(server.parametersOf('Encounter')).toEqual(r4SearchDefinitions().parametersOf('Encounter'));
  });

  it('reads includes', () => {
    expect(server.includesOf('Observation')).toEqual({ include: ['Observation:patient'], revinclude: [] });
    expect(server.includesOf('Condition')).toBeUndefined();
  });

  it('falls back to the bundled definitions for unusable statements', () => {
    for (const statement of [null, 'x', {}, { rest: [] }, { rest: [{ mode: 'server' }] }]) {
      expect(definitionsFromCapabilityStatement(statement)).toBe(r4SearchDefinitions());
    }
  });

  it('reads the US Core version claimed', () => {
    expect(usCoreVersionOf(capabilityStatement)).toBe('6.1.0');
    expect(usCoreVersionOf({ implementationGuide: ['http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core'] })).toBe('');
    expect(usCoreVersionOf({})).toBeUndefined();
  });
});
