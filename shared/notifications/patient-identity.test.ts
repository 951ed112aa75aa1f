import { describe, expect, it } from 'vitest';
import { parseIdentifierSearchUrl, parseIdentifierToken, patientReferenceOf } from './patient-identity';

describe('identifier search URLs', () => {
  const base = 'https://api.redoxengine.com/fhir/R4/example/Development';

  it('reads system|value', () => {
    expect(parseIdentifierSearchUrl(`${base}/Patient?identifier=urn:redox:example:MR|123`)).toEqual({
      resourceType: 'Patient',
      identifiers: [{ system: 'urn:redox:example:MR', value: '123' }],
    });
  });

  it('reads value|system (the oldest examples) when only one side looks like a system', () => {
    expect(parseIdentifierSearchUrl(`${base}/Patient?identifier=0000123|urn:redox:example:MR`)?.identifiers).toEqual([
      { system: 'urn:redox:example:MR', value: '0000123' },
    ]);
    expect(parseIdentifierToken('4455|1.2.840.114350.1.13.0.1.7.5.737384.14')).toEqual({
      system: '1.2.840.114350.1.13.0.1.7.5.737384.14',
      value: '4455',
    });
  });

  it('keeps FHIR order when both or neither side look like a system', () => {
    expect(parseIdentifierToken('MR|123')).toEqual({ system: 'MR', value: '123' });
    expect(parseIdentifierToken('urn:a|urn:b')).toEqual({ system: 'urn:a', value: 'urn:b' });
  });

  it('decodes, accepts a missing system, several identifiers and other parameters', () => {
    expect(parseIdentifierSearchUrl('Patient?_count=1&identifier=urn%3Aredox%3Aex%3AMR%7C42,|77&active=true')?.identifiers).toEqual([
      { system: 'urn:redox:ex:MR', value: '42' },
      { system: null, value: '77' },
    ]);
    expect(parseIdentifierSearchUrl('Patient?identifier=abc')?.identifiers).toEqual([{ system: null, value: 'abc' }]);
    expect(parseIdentifierSearchUrl('Patient?identifier:exact=sys|v')?.identifiers).toEqual([{ system: 'sys', value: 'v' }]);
  });

  it('returns null for anything else, including broken escapes', () => {
    expect(parseIdentifierSearchUrl(`${base}/Patient/123`)).toBeNull();
    expect(parseIdentifierSearchUrl('Patient?name=Doe')).toBeNull();
    expect(parseIdentifierSearchUrl('Patient?identifier=')).toBeNull();
    expect(parseIdentifierSearchUrl('Patient?identifier=%E0%A4%A|x')?.identifiers).toEqual([{ system: '%E0%A4%A', value: 'x' }]);
  });
});

describe('patientReferenceOf', () => {
  it.each([
    ['Patient/p1', 'Patient/p1'],
    ['https://srv/fhir/Patient/p1', 'Patient/p1'],
    ['https://srv/fhir/Patient/p1/_history/3', 'Patient/p1'],
    ['Encounter/e1', null],
    ['urn:uuid:0b1c', null],
    ['Patient?identifier=x|1', null],
    ['https://srv/fhir/Patient/p1/Encounter/e1', null],
  ])('%s → %s', (reference, expected) => {
    expect(patientReferenceOf(reference)).toBe(expected);
  });
});
