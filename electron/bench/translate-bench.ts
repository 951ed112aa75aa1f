import type { Bundle, BundleEntry, Observation } from '@medplum/fhirtypes';
import { translate } from '../../shared/fhir-to-v2';
import type { Benchmark } from './benchmark';

const OPTIONS = { now: '2024-03-01T12:00:00-05:00', receivingApplication: 'EHR', receivingFacility: 'HOSP' };

const patient = {
  resourceType: 'Patient' as const,
  id: 'p1',
  identifier: [{ system: 'urn:oid:1.2.840.114350', value: 'MRN12345', type: { coding: [{ code: 'MR' }] } }],
  name: [{ use: 'official' as const, family: 'Chalmers', given: ['Peter', 'James'] }],
  gender: 'male' as const,
  birthDate: '1974-12-25',
  address: [{ use: 'home' as const, line: ['534 Erewhon St'], city: 'PleasantVille', state: 'Vic', postalCode: '3999' }],
};

function observation(i: number): Observation {
  return {
    resourceType: 'Observation',
    id: `o${i}`,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2024-03-01T10:15:00-05:00',
    valueQuantity: { value: 13.2 + i / 100, unit: 'g/dL', system: 'http://unitsofmeasure.org', code: 'g/dL' },
    interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'N' }] }],
    referenceRange: [{ low: { value: 12 }, high: { value: 16 } }],
  };
}

function typicalObservation(): Bundle {
  return { resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient }, { resource: observation(1) }] };
}

function reportBundle(count: number): Bundle {
  const obs = Array.from({ length: count }, (_, i) => observation(i));
  const entries: BundleEntry[] = [
    { resource: patient },
    {
      resource: {
        resourceType: 'DiagnosticReport',
        id: 'r1',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '58410-2', display: 'CBC panel' }] },
        subject: { reference: 'Patient/p1' },
        effectiveDateTime: '2024-03-01T10:15:00-05:00',
        issued: '2024-03-01T11:00:00-05:00',
        result: obs.map((o) => ({ reference: `Observation/${o.id ?? ''}` })),
      },
    },
    ...obs.map((resource) => ({ resource })),
  ];
  return { resourceType: 'Bundle', type: 'collection', entry: entries };
}

/** Translate + validate (translate always validates), as the editor re-renders on each keystroke. */
export const TRANSLATE_BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'translate-observation',
    description: 'Observation + Patient → ORU^R01, translate and validate',
    targetP99Ms: 2,
    iterations: 2000,
    warmup: 300,
    setup: () => {
      const input = typicalObservation();
      return () => void translate(input, OPTIONS);
    },
  },
  {
    name: 'translate-report-200',
    description: 'DiagnosticReport with 200 Observations → ORU^R01, translate and validate',
    targetP99Ms: 50,
    iterations: 200,
    warmup: 30,
    setup: () => {
      const input = reportBundle(200);
      return () => void translate(input, OPTIONS);
    },
  },
];
