import { describe, expect, it } from 'vitest';
import { fhirPathAt, indexFhirJson, parentPath } from './fhir-json-locations';

const text = `{
  "resourceType": "Bundle",
  "entry": [
    { "resource": { "resourceType": "Patient", "name": [{ "family": "Chalmers", "given": ["Peter"] }] } }
  ]
}`;

describe('FHIR JSON locations', () => {
  it('maps translator paths to text ranges: members with their key, array items by value', () => {
    const index = indexFhirJson(text);
    expect(index.rootType).toBe('Bundle');
    const family = index.rangeOf('Bundle.entry[0].resource.name[0].family');
    expect(family && text.slice(family.start, family.end)).toBe('"family": "Chalmers"');
    const given = index.rangeOf('Bundle.entry[0].resource.name[0].given[0]');
    expect(given && text.slice(given.start, given.end)).toBe('"Peter"');
  });

  it('falls back to the nearest ancestor for an element the JSON lacks', () => {
    const index = indexFhirJson(text);
    const r = index.nearestRangeOf('Bundle.entry[0].resource.name[0].prefix[0]');
    expect(r && text.slice(r.start, r.end)).toMatch(/^\{ "family"/);
  });

  it('indexes what parses of incomplete text', () => {
    const index = indexFhirJson('{ "resourceType": "Observation", "status": "fin');
    expect(index.rootType).toBe('Observation');
    expect(index.rangeOf('Observation.status')).toBeDefined();
  });

  it('gives the path at the caret', () => {
    expect(fhirPathAt(text, text.indexOf('Chalmers') + 2, 'Bundle')).toBe('Bundle.entry[0].resource.name[0].family');
    expect(fhirPathAt(text, text.indexOf('Peter'), 'Bundle')).toBe('Bundle.entry[0].resource.name[0].given[0]');
    expect(fhirPathAt(text, 0, null)).toBeNull();
    // At the end of a line, after the comma: that line's element.
    const afterFamily = text.indexOf('"Chalmers",') + '"Chalmers",'.length;
    expect(fhirPathAt(text, afterFamily, 'Bundle')).toBe('Bundle.entry[0].resource.name[0].family');
  });

  it('walks up paths element by element', () => {
    expect(parentPath('Bundle.entry[2].resource')).toBe('Bundle.entry[2]');
    expect(parentPath('Bundle.entry[2]')).toBe('Bundle.entry');
    expect(parentPath('Bundle')).toBeUndefined();
  });
});
