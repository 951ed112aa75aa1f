import { describe, expect, it } from 'vitest';
import glucose from '../fhir-to-v2/fixtures/observation-glucose-bundle.json';
import metformin from '../fhir-to-v2/fixtures/medication-request-metformin.json';
import { checkWriteback } from './writeback-checks';

describe('checkWriteback', () => {
  it('finds nothing wrong in the translator fixtures', () => {
    expect(checkWriteback(glucose)).toEqual([]);
    expect(checkWriteback(metformin)).toEqual([]);
  });

  it('reports missing required elements at the resource, choice types included', () => {
    const issues = checkWriteback({ resourceType: 'MedicationRequest', status: 'active', subject: { reference: '#p' }, contained: [{ resourceType: 'Patient', id: 'p' }] });
    expect(issues.map((i) => i.message)).toEqual([
      'MedicationRequest.intent is required (1..) in FHIR R4 and missing',
      'MedicationRequest.medication[x] is required (1..) in FHIR R4 and missing',
    ]);
    expect(issues.every((i) => i.fhirPath === 'MedicationRequest' && i.code === 'required')).toBe(true);
  });

  it('checks required children of backbone elements', () => {
    const issues = checkWriteback({ resourceType: 'Appointment', status: 'booked', participant: [{ status: 'accepted' }, { actor: { display: 'x' } }] });
    expect(issues).toEqual([
      { severity: 'error', code: 'required', message: 'Appointment.participant.status is required (1..) in FHIR R4 and missing', fhirPath: 'Appointment.participant[1]' },
    ]);
  });

  it('reports references that resolve to nothing in the Bundle, by fullUrl, Type/id or absolute URL', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1' } },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'x' },
            subject: { reference: 'https://fhir.example/r4/Patient/p1' },
            performer: [{ reference: 'urn:uuid:p1' }, { reference: 'Practitioner/missing' }],
            specimen: { reference: '#nope' },
          },
        },
      ],
    };
    expect(checkWriteback(bundle)).toEqual([
      { severity: 'warning', code: 'reference', message: 'Practitioner/missing is not in the Bundle: what it points to cannot be sent', fhirPath: 'Bundle.entry[1].resource.performer[1].reference' },
      { severity: 'error', code: 'reference', message: '#nope names no contained resource', fhirPath: 'Bundle.entry[1].resource.specimen.reference' },
    ]);
  });

  it('ignores what is not a resource', () => {
    expect(checkWriteback(null)).toEqual([]);
    expect(checkWriteback([1, 2])).toEqual([]);
    expect(checkWriteback({ resourceType: 'Bundle', type: 'collection', entry: 'x' })).toEqual([]);
  });
});
