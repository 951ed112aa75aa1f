import type { MemoryRepository } from '@medplum/fhir-router';
import type { Resource } from '@medplum/fhirtypes';

export const MRN_SYSTEM = 'http://hospital.example.org/mrn';

/** Fixed, realistic test data. Ids are stable so tests can name them. */
export const seedPatients = [
  { id: 'pat-1', mrn: 'MRN-1001', family: 'Alvarez', given: 'Maria', birthDate: '1968-04-12', gender: 'female' },
  { id: 'pat-2', mrn: 'MRN-1002', family: 'Okafor', given: 'Chidi', birthDate: '1985-11-03', gender: 'male' },
  { id: 'pat-3', mrn: 'MRN-1003', family: 'Lindqvist', given: 'Astrid', birthDate: '1952-07-28', gender: 'female' },
  { id: 'pat-4', mrn: 'MRN-1004', family: 'Nguyen', given: 'Bao', birthDate: '2001-02-19', gender: 'male' },
  { id: 'pat-5', mrn: 'MRN-1005', family: 'Smithers', given: 'Jordan', birthDate: '1990-09-09', gender: 'other' },
] as const;

/** `Observation?patient=Patient/pat-1&code=http://loinc.org|8867-4` matches this many (hourly heart rates). */
export const HEART_RATE_COUNT_PAT_1 = 250;

const LOINC = 'http://loinc.org';
const obsCategory = (code: 'vital-signs' | 'laboratory') => [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code,
        display: code === 'laboratory' ? 'Laboratory' : 'Vital Signs',
      },
    ],
  },
];

const labs = [
  { code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', unit: 'g/dL', value: 13.2 },
  { code: '2339-0', display: 'Glucose [Mass/volume] in Blood', unit: 'mg/dL', value: 98 },
  { code: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', unit: 'mg/dL', value: 0.9 },
];

function build(): Resource[] {
  const out: Resource[] = [
    {
      resourceType: 'Organization',
      id: 'org-1',
      name: 'Riverside General Hospital',
      identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
    },
    {
      resourceType: 'Practitioner',
      id: 'prac-1',
      name: [{ family: 'Chen', given: ['Wei'], prefix: ['Dr.'] }],
      identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1987654321' }],
    },
  ];
  for (const p of seedPatients) {
    out.push({
      resourceType: 'Patient',
      id: p.id,
      identifier: [{ use: 'usual', system: MRN_SYSTEM, value: p.mrn }],
      name: [{ use: 'official', family: p.family, given: [p.given] }],
      birthDate: p.birthDate,
      gender: p.gender,
      managingOrganization: { reference: 'Organization/org-1' },
    });
  }
  seedPatients.forEach((p, i) => {
    const subject = { reference: `Patient/${p.id}` };
    out.push({
      resourceType: 'Encounter',
      id: `enc-${i + 1}`,
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
      subject,
      period: { start: `2024-0${(i % 9) + 1}-10T09:00:00Z`, end: `2024-0${(i % 9) + 1}-10T09:40:00Z` },
      serviceProvider: { reference: 'Organization/org-1' },
    });
    labs.forEach((lab, j) => {
      out.push({
        resourceType: 'Observation',
        id: `lab-${i + 1}-${j + 1}`,
        status: 'final',
        category: obsCategory('laboratory'),
        code: { coding: [{ system: LOINC, code: lab.code, display: lab.display }], text: lab.display },
        subject,
        encounter: { reference: `Encounter/enc-${i + 1}` },
        effectiveDateTime: `2024-0${(i % 9) + 1}-10T09:15:00Z`,
        valueQuantity: { value: lab.value + i, unit: lab.unit, system: 'http://unitsofmeasure.org', code: lab.unit },
        ...(j === 0 ? { performer: [{ reference: 'Practitioner/prac-1' }, { reference: 'Organization/org-1' }] } : {}),
      });
    });
    out.push({
      resourceType: 'Condition',
      id: `cond-${i + 1}`,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
      code: {
        coding: [{ system: 'http://snomed.info/sct', code: i % 2 === 0 ? '44054006' : '38341003', display: i % 2 === 0 ? 'Diabetes mellitus type 2' : 'Hypertensive disorder' }],
      },
      subject,
      onsetDateTime: `20${10 + i}-03-01`,
    });
    out.push({
      resourceType: 'MedicationRequest',
      id: `medreq-${i + 1}`,
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: {
        coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975', display: 'metformin hydrochloride 500 MG Oral Tablet' }],
      },
      subject,
      authoredOn: `2024-0${(i % 9) + 1}-10`,
      requester: { reference: 'Practitioner/prac-1' },
    });
    out.push({
      resourceType: 'DocumentReference',
      id: `doc-${i + 1}`,
      status: 'current',
      type: { coding: [{ system: LOINC, code: '11506-3', display: 'Progress note' }] },
      subject,
      date: `2024-0${(i % 9) + 1}-10T10:00:00Z`,
      author: [{ reference: 'Practitioner/prac-1' }],
      content: [{ attachment: { contentType: 'text/plain', data: Buffer.from(`Progress note for ${p.given} ${p.family}.`).toString('base64') } }],
    });
  });
  // Vitals: hourly heart rates for pat-1 (the paging case), a few blood pressures for others.
  for (let h = 0; h < HEART_RATE_COUNT_PAT_1; h++) {
    const at = new Date(Date.UTC(2024, 5, 1, 0, 0, 0) + h * 3600_000).toISOString();
    out.push({
      resourceType: 'Observation',
      id: `hr-1-${h + 1}`,
      status: 'final',
      category: obsCategory('vital-signs'),
      code: { coding: [{ system: LOINC, code: '8867-4', display: 'Heart rate' }], text: 'Heart rate' },
      subject: { reference: 'Patient/pat-1' },
      effectiveDateTime: at,
      valueQuantity: { value: 60 + (h % 40), unit: 'beats/minute', system: 'http://unitsofmeasure.org', code: '/min' },
    });
  }
  seedPatients.slice(1).forEach((p, i) => {
    out.push({
      resourceType: 'Observation',
      id: `bp-${i + 2}`,
      status: 'final',
      category: obsCategory('vital-signs'),
      code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel' }] },
      subject: { reference: `Patient/${p.id}` },
      effectiveDateTime: `2024-07-0${i + 1}T08:00:00Z`,
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 120 + i, unit: 'mmHg' } },
        { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: { value: 80 + i, unit: 'mmHg' } },
      ],
      performer: [{ reference: 'Practitioner/prac-1' }],
    });
  });
  return out;
}

export interface SeedSummary {
  patients: typeof seedPatients;
  counts: Record<string, number>;
  heartRatePat1: number;
}

export async function seed(repo: MemoryRepository): Promise<SeedSummary> {
  const resources = build();
  await repo.withSeeding(async () => {
    for (const r of resources) await repo.createResource(r);
  });
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
  return { patients: seedPatients, counts, heartRatePat1: HEART_RATE_COUNT_PAT_1 };
}
