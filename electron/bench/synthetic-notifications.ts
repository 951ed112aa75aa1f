import type { NotificationFacts } from '../../shared/notifications/notification-facts';

/**
 * Realistic synthetic notifications for benchmarks: Redox-style message Bundles (lightweight or
 * detailed), one patient each, about 2 KB, with lab words so full-text search has a real
 * vocabulary to work with. The facts are built alongside the body (deriving them again for a
 * million rows would time the derivation, not the database).
 */
const EVENTS = [
  ['PatientAdminPatientArrived', 'administrative', 'Patient arrived'],
  ['PatientAdminPatientDischarged', 'administrative', 'Patient discharged'],
  ['PatientAdminPatientUpdated', 'administrative', 'Patient updated'],
  ['SchedulingAppointmentBooked', 'administrative', 'Appointment booked'],
  ['ResultCreated', 'clinical', 'Result created'],
  ['ResultUpdated', 'clinical', 'Result updated'],
  ['OrderCreated', 'clinical', 'Order created'],
  ['NoteCreated', 'clinical', 'Note created'],
  ['MedicationStatementCreated', 'clinical', 'Medication statement created'],
  ['ClaimCreated', 'financial', 'Claim created'],
  ['CoverageUpdated', 'financial', 'Coverage updated'],
] as const;

const TESTS = ['hemoglobin', 'potassium', 'sodium', 'glucose', 'creatinine', 'platelets', 'troponin', 'lactate', 'bilirubin', 'albumin', 'ferritin', 'magnesium'];
const WORDS = 'the patient was seen in clinic today reports mild pain stable vitals follow up in two weeks labs drawn result within normal range repeat if symptoms persist'.split(' ');

/** A tiny deterministic PRNG so runs are comparable. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Synthetic {
  body: Buffer;
  facts: NotificationFacts;
}

export const mrnOf = (n: number): string => `MRN${String(n).padStart(7, '0')}`;

export function syntheticNotification(seq: number, patient: number, random: () => number, targetBytes = 2048): Synthetic {
  const [code, category, label] = EVENTS[Math.floor(random() * EVENTS.length)] ?? EVENTS[0];
  const detailed = random() < 0.5;
  const mrn = mrnOf(patient);
  const test = TESTS[Math.floor(random() * TESTS.length)] ?? 'hemoglobin';
  const value = (random() * 200).toFixed(1);
  const uri = `https://fhir.redoxengine.com/EventDefinition/${code}`;
  const patientResource = {
    resourceType: 'Patient',
    id: `p${patient}`,
    identifier: [{ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14', value: mrn }],
    name: [{ family: `Family${patient % 997}`, given: [`Given${patient % 101}`] }],
  };
  const observation = {
    resourceType: 'Observation',
    id: `o${seq}`,
    status: 'final',
    code: { text: test },
    subject: { reference: `Patient/p${patient}` },
    valueQuantity: { value: Number(value), unit: 'mmol/L' },
  };
  const entries: unknown[] = [
    {
      fullUrl: `urn:uuid:h${seq}`,
      resource: {
        resourceType: 'MessageHeader',
        id: `h${seq}`,
        eventUri: uri,
        source: { name: 'Example Health', endpoint: 'https://example.invalid' },
        focus: [{ reference: `Patient/p${patient}` }],
      },
    },
  ];
  if (detailed) entries.push({ resource: patientResource }, ...(category === 'clinical' ? [{ resource: observation }] : []));
  else entries.push({ fullUrl: `Patient/p${patient}`, resource: { resourceType: 'Patient', id: `p${patient}`, identifier: patientResource.identifier } });
  const note: string[] = [];
  const bundle = { resourceType: 'Bundle', id: `b${seq}`, type: 'message', timestamp: new Date(1_700_000_000_000 + seq * 1000).toISOString(), entry: entries, note: '' };
  // Pad with words to the target size; measured once, so building a million bodies stays cheap.
  const bare = JSON.stringify(bundle).length;
  let length = bare;
  while (length + 8 < targetBytes) {
    const word = note.length % 25 === 24 ? `${test} ${value}` : (WORDS[Math.floor(random() * WORDS.length)] ?? 'the');
    note.push(word);
    length += word.length + 1;
  }
  bundle.note = note.join(' ');
  const text = JSON.stringify(bundle);
  const resourceTypes = ['Bundle', 'MessageHeader', 'Patient', ...(detailed && category === 'clinical' ? ['Observation'] : [])];
  return {
    body: Buffer.from(text),
    facts: {
      format: 'redox-message',
      event: { code, uri, label },
      category,
      payloadLevel: detailed ? 'detailed' : 'lightweight',
      resourceTypes,
      patientIdentifiers: [{ system: patientResource.identifier[0]?.system ?? null, value: mrn }],
      patientReferences: [`Patient/p${patient}`],
      focusReferences: [`Patient/p${patient}`],
      source: 'Example Health',
      subscription: null,
      timestamp: bundle.timestamp,
    },
  };
}
