import { describe, expect, it } from 'vitest';
import { definitionsFromCapabilityStatement } from './capability';
import { parseSearchUrl } from './parse-url';
import { type SearchModel } from './search-model';
import { checkSearch, type SearchCheckOptions } from './warnings';

const codes = (path: string, options: SearchCheckOptions = {}): string[] =>
  checkSearch(parseSearchUrl(path, { definitions: options.definitions }).model, options).map((warning) => warning.code);

describe('checkSearch', () => {
  it('is quiet for a good US Core search', () => {
    expect(checkSearch(parseSearchUrl('Observation?patient=Patient/123&category=laboratory&date=ge2024-01-01&_include=Observation:performer').model)).toEqual([]);
  });

  it('points at the parameter and its row', () => {
    const warnings = checkSearch(parseSearchUrl('Patient?name=x&frobnicate=1').model);
    expect(warnings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'unknown-parameter', parameter: 'frobnicate', index: 1 }),
    ]);
  });

  it('US Core SHALL combinations', () => {
    expect(codes('Observation?patient=1')).toEqual(['us-core-combination']);
    expect(codes('Observation?patient=1&code=x')).toEqual([]);
    expect(codes('MedicationRequest?patient=1')).toEqual(['us-core-combination']);
    expect(codes('MedicationRequest?patient=1&intent=order')).toEqual([]);
    expect(codes('Patient?gender=male&name=x')).toEqual([]); // name alone is SHALL
    expect(codes('Patient?gender=male')).toEqual(['us-core-combination']);
    expect(codes('PractitionerRole?practitioner.identifier=x')).toEqual([]);
    expect(codes('Observation?patient=1', { usCore: false })).toEqual([]);
    expect(codes('Slot?start=ge2024-01-01')).toEqual([]); // no US Core requirement
    const message = checkSearch(parseSearchUrl('Observation?category=laboratory').model)[0]?.message;
    expect(message).toContain('patient+category, patient+code, patient+category+date');
  });

  it('dates: timezone, seconds, format, and a + that became a space', () => {
    expect(codes('Observation?patient=1&code=x&date=ge2024-01-01T10:00:00')).toEqual(['date-no-timezone']);
    expect(codes('Observation?patient=1&code=x&date=ge2024-01-01T10:00Z')).toEqual(['date-no-seconds']);
    expect(codes('Observation?patient=1&code=x&date=ge2024-13-01')).toEqual(['date-format']);
    expect(codes('Observation?patient=1&code=x&date=ge2024-01-01T10:00:00+05:00')).toEqual(['date-plus-became-space']);
    expect(codes('Observation?patient=1&code=x&date=ge2024-01-01T10:00:00%2B05:00&_lastUpdated=gt2024-01-01T00:00:00Z')).toEqual([]);
    expect(codes('Observation?patient=1&code=x&code-value-date=http://loinc.org|1$ge2020-01-01T10:00:00')).toEqual(['date-no-timezone']);
  });

  it('modifiers, :missing, value shapes, numbers, composites', () => {
    expect(codes('Patient?name:below=x')).toEqual(['modifier-not-allowed']);
    expect(codes('Patient?name=x&birthdate:exact=2020')).toEqual(['modifier-not-allowed']);
    expect(codes('Patient?name=x&email:missing=maybe')).toEqual(['missing-not-boolean']);
    expect(codes('Observation?patient=1&code=x&subject:Patient=1&subject:Bogus=1')).toEqual(['modifier-not-allowed']);
    expect(codes('RiskAssessment?probability=gtabc')).toEqual(['number-format']);
    expect(codes('Observation?patient=1&code=x&code-value-quantity=a$1$2')).toEqual(['composite-parts']);
    const mismatched: SearchModel = {
      resourceType: 'Patient',
      parameters: [{ kind: 'search', name: 'birthdate', values: [{ kind: 'token', code: '2020' }] }],
    };
    expect(checkSearch(mismatched, { usCore: false }).map((warning) => warning.code)).toEqual(['value-kind-mismatch']);
  });

  it('empty values', () => {
    expect(codes('Patient?name=')).toEqual(['empty-value', 'us-core-combination']);
  });

  it('chains and _has that do not fit the definitions', () => {
    expect(codes('Observation?patient=1&code=x&status.name=x')).toEqual(['chain-hop-not-reference', 'unknown-parameter']);
    expect(codes('Observation?patient=1&code=x&subject:Medication.name=x')).toEqual(['chain-hop-target-not-allowed', 'unknown-parameter']);
    expect(codes('Observation?patient=1&code=x&nope.name=x')).toEqual(['chain-unknown-hop', 'unknown-parameter']);
    expect(codes('Patient?name=x&_has:Observation:performer:code=1')).toEqual([]);
    expect(codes('Patient?name=x&_has:Observation:specimen:code=1')).toEqual(['chain-has-does-not-point-here']);
    expect(codes('Patient?name=x&_has:Nope:patient:code=1')).toEqual(['chain-unknown-type', 'chain-unknown-hop', 'unknown-parameter']);
  });

  it('includes and sort keys', () => {
    expect(codes('Observation?patient=1&code=x&_include=Observation:status')).toEqual(['include-not-reference']);
    expect(codes('Observation?patient=1&code=x&_include=Observation:subject:Medication')).toEqual(['include-target-not-allowed']);
    expect(codes('Observation?patient=1&code=x&_include=Patient:organization')).toEqual(['include-other-type']);
    expect(codes('Observation?patient=1&code=x&_include:iterate=Patient:organization&_revinclude=Provenance:target')).toEqual([]);
    expect(codes('Observation?patient=1&code=x&_sort=-date,bogus')).toEqual(['sort-unknown']);
  });

  it('raw parts are reported as unchecked', () => {
    expect(codes('Patient?name=x&%zz')).toEqual(['raw-parameter']);
  });

  it('unknown resource type', () => {
    expect(codes('Bogus?x=1')).toContain('unknown-resource-type');
  });

  describe('against a server CapabilityStatement', () => {
    const definitions = definitionsFromCapabilityStatement({
      resourceType: 'CapabilityStatement',
      rest: [
        {
          mode: 'server',
          resource: [
            {
              type: 'Observation',
              searchParam: [
                { name: 'patient', type: 'reference' },
                { name: 'category', type: 'token' },
              ],
              searchInclude: ['Observation:patient'],
              searchRevInclude: ['Provenance:target'],
            },
          ],
        },
      ],
    });

    it('flags parameters, types and includes the server does not declare', () => {
      expect(codes('Observation?patient=1&category=laboratory&date=ge2024-01-01', { definitions })).toEqual(['undeclared-parameter']);
      expect(codes('Observation?patient=1&category=x&_include=Observation:performer&_revinclude=Provenance:entity', { definitions })).toEqual([
        'include-undeclared',
        'revinclude-undeclared',
      ]);
      expect(codes('Condition?patient=1', { definitions })).toContain('resource-type-undeclared');
    });
  });

  it('Redox: POST only, documented prefixes', () => {
    expect(codes('Observation?patient=1&category=laboratory&date=sa2024-01-01', { redox: true, method: 'POST' })).toEqual(['redox-prefix']);
    expect(codes('Observation?patient=1&category=laboratory&date=ge2024-01-01', { redox: true, method: 'GET' })).toEqual(['redox-requires-post']);
  });

  it('US Core version-specific patterns', () => {
    expect(codes('Patient?gender=male&family=x', { usCore: { version: '9.0.0' } })).toEqual(['us-core-combination']);
    expect(codes('Patient?gender=male&name=x', { usCore: { version: '7.0.0' } })).toEqual([]);
  });
});
