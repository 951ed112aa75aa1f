import { describe, expect, it } from 'vitest';
import { findPreset, missingPresetInputs, patientReference, SEARCH_PRESETS } from './presets';
import { searchModelSchema } from './search-model-schema';
import { toSearchPath } from './serialize';
import { checkSearch } from './warnings';

const build = (id: string, values: Record<string, string>): string => {
  const preset = findPreset(id);
  if (!preset) throw new Error(id);
  return toSearchPath(preset.build(values));
};

describe('presets', () => {
  it('patient by identifier, with and without a system', () => {
    expect(build('patient-by-identifier', { system: 'urn:redox:MRN', value: '0000000001' })).toBe('Patient?identifier=urn:redox:MRN|0000000001');
    expect(build('patient-by-identifier', { value: '123' })).toBe('Patient?identifier=123');
  });

  it('patient by name and birth date', () => {
    expect(build('patient-by-name-birthdate', { name: 'Shaw', birthdate: '1940-03-29' })).toBe('Patient?name=Shaw&birthdate=1940-03-29');
  });

  it('labs and vitals in a date range', () => {
    expect(build('labs-for-patient', { patient: '123', from: '2024-01-01', to: '2024-06-30' })).toBe(
      'Observation?patient=Patient/123&category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory&date=ge2024-01-01&date=lt2024-07-01',
    );
    expect(build('vitals-for-patient', { patient: 'Patient/9' })).toBe(
      'Observation?patient=Patient/9&category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs',
    );
  });

  it('problems, medications, encounters, documents, allergies', () => {
    expect(build('problems-for-patient', { patient: '1', clinicalStatus: 'active' })).toBe(
      'Condition?patient=Patient/1&category=http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item&clinical-status=http://terminology.hl7.org/CodeSystem/condition-clinical|active',
    );
    expect(build('medications-for-patient', { patient: '1', status: 'active' })).toBe(
      'MedicationRequest?patient=Patient/1&intent=order&status=active&_include=MedicationRequest:medication',
    );
    expect(build('encounters-for-patient', { patient: '1', from: '2024-01-01' })).toBe('Encounter?patient=Patient/1&date=ge2024-01-01');
    expect(build('documents-for-patient', { patient: '1', category: 'clinical-note' })).toBe(
      'DocumentReference?patient=Patient/1&category=http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category|clinical-note',
    );
    expect(build('allergies-for-patient', { patient: '1' })).toBe('AllergyIntolerance?patient=Patient/1');
  });

  it('every preset, filled in, is a valid model that meets US Core without warnings', () => {
    const sample: Record<string, string> = {
      patient: '123',
      system: 'urn:x',
      value: '1',
      name: 'Shaw',
      birthdate: '1940-03-29',
      from: '2024-01-01',
      to: '2024-12-31',
    };
    for (const preset of SEARCH_PRESETS) {
      const model = preset.build(sample);
      expect(model.resourceType).toBe(preset.resourceType);
      expect(searchModelSchema.safeParse(model).success, preset.id).toBe(true);
      expect(checkSearch(model), preset.id).toEqual([]);
      expect(missingPresetInputs(preset, sample)).toEqual([]);
    }
  });

  it('reports missing required inputs (defaults count as filled)', () => {
    const preset = findPreset('medications-for-patient');
    expect(preset && missingPresetInputs(preset, {}).map((input) => input.key)).toEqual(['patient']);
  });

  it('normalizes patient references', () => {
    expect(patientReference(' 123 ')).toEqual({ kind: 'reference', resourceType: 'Patient', id: '123' });
    expect(patientReference('Patient/abc')).toEqual({ kind: 'reference', resourceType: 'Patient', id: 'abc' });
    expect(patientReference('https://h/fhir/Patient/1')).toEqual({ kind: 'reference', id: 'https://h/fhir/Patient/1' });
  });
});
