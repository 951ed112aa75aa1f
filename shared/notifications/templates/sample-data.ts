import type { Location, Organization, Patient, Practitioner } from '@medplum/fhirtypes';
import type { TemplatePatient } from './template-types';

/**
 * The people and places test notifications are about. Realistic enough that an integration
 * engine's validation accepts them, obviously fictional (`.example` domains, the sample NPI
 * from the NPPES documentation).
 */

export const sampleRedoxBase = 'https://api.redoxengine.com/fhir/R4/switchboard-test/Development';
export const sampleServerBase = 'https://ehr.example/fhir';
export const sampleTopicBase = 'https://switchboard.example/fhir/SubscriptionTopic';

export const samplePatient: TemplatePatient = {
  family: 'Moreno',
  given: ['Ana', 'Lucia'],
  birthDate: '1984-07-19',
  gender: 'female',
  mrn: { system: 'urn:redox:switchboard-test:MR', value: '0004567321' },
};

export const encounterNumberSystem = 'urn:redox:switchboard-test:VN';
export const appointmentNumberSystem = 'urn:redox:switchboard-test:appointment';
export const accessionSystem = 'urn:redox:switchboard-test:accession';
export const documentIdSystem = 'urn:redox:switchboard-test:document';
export const chargeIdSystem = 'urn:redox:switchboard-test:charge';

export function patientResource(id: string, patient: TemplatePatient): Patient {
  return {
    resourceType: 'Patient',
    id,
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical record number' }] },
        system: patient.mrn.system,
        value: patient.mrn.value,
      },
    ],
    active: true,
    name: [{ use: 'official', family: patient.family, given: patient.given }],
    gender: patient.gender,
    birthDate: patient.birthDate,
    telecom: [{ system: 'phone', value: '+1 608 555 0142', use: 'home' }],
    address: [{ use: 'home', line: ['1209 Willow Street'], city: 'Madison', state: 'WI', postalCode: '53703', country: 'US' }],
  };
}

export function practitionerResource(id: string): Practitioner {
  return {
    resourceType: 'Practitioner',
    id,
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
    name: [{ family: 'Okafor', given: ['Chidi'], prefix: ['Dr.'] }],
  };
}

export function locationResource(id: string): Location {
  return {
    resourceType: 'Location',
    id,
    status: 'active',
    name: 'Eastside Family Clinic, Room 4',
    address: { line: ['400 East Washington Avenue'], city: 'Madison', state: 'WI', postalCode: '53703', country: 'US' },
  };
}

export function organizationResource(id: string): Organization {
  return {
    resourceType: 'Organization',
    id,
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1144221847' }],
    name: 'Switchboard Community Health',
  };
}

/** Deterministic ids for tests and previews: `<prefix>-1`, `<prefix>-2`, … */
export function sequentialIds(prefix = 'id'): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}

/** ISO instant `offsetMinutes` after `now`, without milliseconds (as most EHRs send). */
export const at = (now: Date, offsetMinutes = 0): string =>
  new Date(now.getTime() + offsetMinutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of ASCII text: attachments need it, and shared code has neither Buffer nor btoa. */
export function asciiBase64(textValue: string): string {
  let out = '';
  for (let i = 0; i < textValue.length; i += 3) {
    const [a, b, c] = [textValue.charCodeAt(i), textValue.charCodeAt(i + 1), textValue.charCodeAt(i + 2)];
    const triple = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += alphabet[(triple >> 18) & 63]! + alphabet[(triple >> 12) & 63]!;
    out += i + 1 < textValue.length ? alphabet[(triple >> 6) & 63]! : '=';
    out += i + 2 < textValue.length ? alphabet[triple & 63]! : '=';
  }
  return out;
}
