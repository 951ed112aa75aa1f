import { describe, expect, it } from 'vitest';
import { defaultColumns } from './default-columns';
import { formatValues } from './format-value';

describe('formatValues', () => {
  it('reads common FHIR data types the way a person would', () => {
    expect(formatValues([{ family: 'Doe', given: ['Jan', 'K'] }])).toBe('Jan K Doe');
    expect(formatValues([{ value: 13.2, unit: 'g/dL' }])).toBe('13.2 g/dL');
    expect(formatValues([{ coding: [{ system: 'http://loinc.org', code: '718-7', display: 'Hemoglobin' }] }])).toBe('Hemoglobin');
    expect(formatValues([{ text: 'Hgb' }])).toBe('Hgb');
    expect(formatValues([{ reference: 'Patient/1' }])).toBe('Patient/1');
    expect(formatValues([{ system: 'urn:mrn', value: '42' }])).toBe('urn:mrn|42');
    expect(formatValues([{ start: '2024-01-01' }])).toBe('2024-01-01 – …');
    expect(formatValues(['a', 'b'])).toBe('a; b');
    expect(formatValues([])).toBe('');
  });
});

describe('defaultColumns', () => {
  it('offers type-specific columns and a fallback', () => {
    expect(defaultColumns('Observation').map((c) => c.label)).toContain('Value');
    expect(defaultColumns('Basic').map((c) => c.expression)).toContain('meta.lastUpdated');
  });
});
