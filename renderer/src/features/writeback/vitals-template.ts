const VITALS = 'http://terminology.hl7.org/CodeSystem/observation-category';
const UCUM = 'http://unitsofmeasure.org';
const taken = '2024-03-01T08:42:00-05:00';

const vital = (id: string, loinc: string, display: string, rest: Record<string, unknown>) => ({
  fullUrl: `urn:uuid:${id}`,
  resource: {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: VITALS, code: 'vital-signs', display: 'Vital Signs' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: loinc, display }], text: display },
    subject: { reference: 'urn:uuid:pat-1' },
    encounter: { reference: 'urn:uuid:enc-1' },
    effectiveDateTime: taken,
    performer: [{ reference: 'urn:uuid:nurse-1' }],
    ...rest,
  },
});

const quantity = (value: number, unit: string, code = unit) => ({ value, unit, system: UCUM, code });

/** A nurse's set of vital signs at a clinic visit: heart rate, blood pressure (two components), temperature, SpO2. */
export const vitalSigns = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:pat-1',
      resource: {
        resourceType: 'Patient',
        id: 'pat-1',
        identifier: [
          { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, system: 'http://hospital.example.org/mrn', value: '00482113' },
        ],
        name: [{ use: 'official', family: 'Okafor', given: ['Grace', 'Adaeze'] }],
        gender: 'female',
        birthDate: '1986-07-19',
        address: [{ use: 'home', line: ['88 Larkin St'], city: 'Springfield', state: 'IL', postalCode: '62704', country: 'US' }],
      },
    },
    {
      fullUrl: 'urn:uuid:enc-1',
      resource: {
        resourceType: 'Encounter',
        id: 'enc-1',
        identifier: [{ system: 'http://hospital.example.org/visit', value: 'V-2024-11873' }],
        status: 'in-progress',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
        subject: { reference: 'urn:uuid:pat-1' },
        period: { start: '2024-03-01T08:30:00-05:00' },
      },
    },
    {
      fullUrl: 'urn:uuid:nurse-1',
      resource: {
        resourceType: 'Practitioner',
        id: 'nurse-1',
        identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1487262939' }],
        name: [{ family: 'Lindqvist', given: ['Maja'], suffix: ['RN'] }],
      },
    },
    vital('hr-1', '8867-4', 'Heart rate', { valueQuantity: quantity(72, '/min') }),
    vital('bp-1', '85354-9', 'Blood pressure panel with all children optional', {
      component: [
        { code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: quantity(128, 'mmHg', 'mm[Hg]') },
        { code: { coding: [{ system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: quantity(82, 'mmHg', 'mm[Hg]') },
      ],
    }),
    vital('temp-1', '8310-5', 'Body temperature', { valueQuantity: quantity(37.1, 'Cel') }),
    vital('spo2-1', '59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', {
      valueQuantity: quantity(97, '%'),
      referenceRange: [{ low: quantity(95, '%') }],
    }),
  ],
};
