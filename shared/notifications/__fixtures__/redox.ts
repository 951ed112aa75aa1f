/**
 * Redox notification examples written from the reference doc (A6, A7): a detailed and a
 * lightweight PatientAdminPatientArrived, and the older eventCoding scheduling style.
 */

const base = 'https://api.redoxengine.com/fhir/R4/example-health/Development';

export const redoxArrivedDetailed = {
  resourceType: 'Bundle',
  type: 'message',
  timestamp: '2025-01-01T12:00:00Z',
  entry: [
    {
      resource: {
        resourceType: 'MessageHeader',
        eventUri: 'https://fhir.redoxengine.com/EventDefinition/PatientAdminPatientArrived',
        definition: 'https://fhir.redoxengine.com/MessageDefinition/PatientAdminPatientArrivedFull',
        source: { name: 'Example Health', endpoint: '6e3c0a1e-8b9f-4b8e-9f0a-1d2c3b4a5f60' },
        focus: [{ reference: 'Patient/p1' }, { reference: 'Encounter/e1' }],
      },
    },
    {
      fullUrl: `${base}/Patient?identifier=urn:redox:example:MR|123`,
      resource: {
        resourceType: 'Patient',
        id: 'p1',
        identifier: [
          { system: 'urn:redox:example:MR', value: '123' },
          { system: 'http://hl7.org/fhir/sid/us-ssn', value: '999-99-9999' },
        ],
        name: [{ family: 'Doe', given: ['Jan'] }],
        extension: [
          {
            url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
            extension: [{ url: 'text', valueString: 'White' }],
          },
        ],
      },
    },
    {
      fullUrl: `${base}/Encounter?identifier=urn:redox:example:VN|987`,
      resource: {
        resourceType: 'Encounter',
        id: 'e1',
        status: 'arrived',
        class: { code: 'AMB' },
        subject: { reference: 'Patient/p1' },
        location: [{ location: { reference: 'Location/l1' } }],
        contained: [{ resourceType: 'Location', id: 'l1', name: 'Clinic 3' }],
      },
    },
  ],
};

/** Lightweight (A7, inference): same header and entries, each resource only identifies itself. */
export const redoxArrivedLightweight = {
  resourceType: 'Bundle',
  type: 'message',
  timestamp: '2025-01-01T12:00:00Z',
  entry: [
    {
      resource: {
        resourceType: 'MessageHeader',
        eventUri: 'https://fhir.redoxengine.com/EventDefinition/PatientAdminPatientArrived',
        source: { name: 'Example Health', endpoint: '6e3c0a1e-8b9f-4b8e-9f0a-1d2c3b4a5f60' },
        focus: [{ reference: 'Patient/p1' }, { reference: 'Encounter/e1' }],
      },
    },
    {
      fullUrl: `${base}/Patient?identifier=urn:redox:example:MR|123`,
      resource: { resourceType: 'Patient', id: 'p1', identifier: [{ system: 'urn:redox:example:MR', value: '123' }] },
    },
    {
      fullUrl: `${base}/Encounter?identifier=urn:redox:example:VN|987`,
      resource: {
        resourceType: 'Encounter',
        id: 'e1',
        identifier: [{ system: 'urn:redox:example:VN', value: '987' }],
        subject: { reference: 'Patient/p1' },
      },
    },
  ],
};

/**
 * The oldest scheduling example: eventCoding instead of eventUri, a Patient stub with nothing but
 * its type, the identifier only in the fullUrl, value before system, `|` percent-encoded.
 */
export const redoxBookedOldStyle = {
  resourceType: 'Bundle',
  type: 'message',
  timestamp: '2019-06-03T15:30:00.000Z',
  entry: [
    {
      resource: {
        resourceType: 'MessageHeader',
        eventCoding: { system: 'urn:redox:event-type', code: 'Scheduling-event-appointment-booked' },
        source: { endpoint: 'urn:uuid:b6a3d5e2-0000-4000-8000-000000000001' },
        focus: [{ reference: 'Appointment/a1' }],
      },
    },
    {
      fullUrl: `${base}/Patient?identifier=0000123%7Curn:redox:example:MR`,
      resource: { resourceType: 'Patient' },
    },
    {
      fullUrl: `${base}/Appointment?identifier=urn:redox:example:VN|555`,
      resource: { resourceType: 'Appointment', id: 'a1' },
    },
  ],
};

/** A Redox result notification: one full Observation with a LOINC code. */
export const redoxResultDetailed = {
  resourceType: 'Bundle',
  type: 'message',
  timestamp: '2025-02-10T08:15:00Z',
  entry: [
    {
      resource: {
        resourceType: 'MessageHeader',
        eventUri: 'https://fhir.redoxengine.com/EventDefinition/ResultCreated',
        definition: 'https://fhir.redoxengine.com/MessageDefinition/ResultCreatedFull',
        source: { name: 'Example Lab' },
        focus: [{ reference: 'Observation/o1' }],
      },
    },
    {
      fullUrl: `${base}/Observation/o1`,
      resource: {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma' }] },
        subject: { reference: `${base}/Patient/p9`, identifier: { system: 'urn:redox:example:MR', value: '456' } },
        valueQuantity: { value: 98, unit: 'mg/dL' },
      },
    },
  ],
};
