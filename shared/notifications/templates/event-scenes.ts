import type { Appointment, ChargeItem, DocumentReference, Encounter, Observation, Patient, Resource } from '@medplum/fhirtypes';
import {
  accessionSystem,
  appointmentNumberSystem,
  asciiBase64,
  at,
  chargeIdSystem,
  documentIdSystem,
  encounterNumberSystem,
  locationResource,
  organizationResource,
  patientResource,
  practitionerResource,
} from './sample-data';
import type { TemplatePatient } from './template-types';

/**
 * What happened, as full FHIR resources, independent of the wire form: the forms (Redox message,
 * Subscriptions Bundle) and levels (lightweight stubs, detailed resources) are cut from a scene.
 */
export interface Scene {
  patient: Patient;
  /** MessageHeader.focus, in order (Redox puts Patient + Encounter for PatientAdmin events). */
  focus: Resource[];
  /** Everything else the detailed form carries (practitioner, location…). */
  supporting: Resource[];
  /** Whether the focus was created or changed: the request of its history entry. */
  change: 'create' | 'update';
}

export interface SceneContext {
  now: Date;
  ids: () => string;
  patient: TemplatePatient;
}

const ref = (resource: Resource & { id?: string }) => ({ reference: `${resource.resourceType}/${resource.id ?? ''}` });

/** The cast every scene shares: patient, attending practitioner, clinic. */
function cast(ctx: SceneContext) {
  const patient = patientResource(ctx.patient.id ?? ctx.ids(), ctx.patient);
  return { patient, practitioner: practitionerResource(ctx.ids()), location: locationResource(ctx.ids()) };
}

/** A visit number: digits from the clock, so a run of test messages gets distinct, plausible numbers. */
const visitNumber = (now: Date, prefix: string) => `${prefix}${String(now.getTime()).slice(-8)}`;

function encounterScene(ctx: SceneContext, discharged: boolean): Scene {
  const { patient, practitioner, location } = cast(ctx);
  const encounter: Encounter = {
    resourceType: 'Encounter',
    id: ctx.ids(),
    identifier: [{ system: encounterNumberSystem, value: visitNumber(ctx.now, discharged ? 'IP' : 'OP') }],
    status: discharged ? 'finished' : 'arrived',
    class: discharged
      ? { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' }
      : { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    type: [{ coding: [{ system: 'http://snomed.info/sct', code: discharged ? '32485007' : '185349003', display: discharged ? 'Hospital admission' : 'Encounter for check up' }] }],
    subject: ref(patient),
    participant: [{ individual: ref(practitioner) }],
    period: discharged ? { start: at(ctx.now, -3 * 24 * 60), end: at(ctx.now) } : { start: at(ctx.now) },
    location: [{ location: ref(location), status: discharged ? 'completed' : 'active' }],
    ...(discharged
      ? {
          hospitalization: {
            dischargeDisposition: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'home', display: 'Home' }] },
          },
        }
      : {}),
  };
  return { patient, focus: [patient, encounter], supporting: [practitioner, location], change: discharged ? 'update' : 'create' };
}

function appointmentScene(ctx: SceneContext, cancelled: boolean): Scene {
  const { patient, practitioner, location } = cast(ctx);
  const start = 2 * 24 * 60 + 90; // two days ahead, a little after the hour
  const appointment: Appointment = {
    resourceType: 'Appointment',
    id: ctx.ids(),
    identifier: [{ system: appointmentNumberSystem, value: visitNumber(ctx.now, 'A') }],
    status: cancelled ? 'cancelled' : 'booked',
    ...(cancelled
      ? { cancelationReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason', code: 'pat', display: 'Patient' }] } }
      : {}),
    serviceType: [{ coding: [{ system: 'http://snomed.info/sct', code: '394814009', display: 'General practice' }] }],
    appointmentType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'ROUTINE', display: 'Routine appointment' }] },
    description: 'Annual wellness visit',
    start: at(ctx.now, start),
    end: at(ctx.now, start + 30),
    minutesDuration: 30,
    created: at(ctx.now, cancelled ? -7 * 24 * 60 : 0),
    participant: [
      { actor: { ...ref(patient), display: `${ctx.patient.given.join(' ')} ${ctx.patient.family}` }, status: cancelled ? 'declined' : 'accepted' },
      { actor: { ...ref(practitioner), display: 'Dr. Chidi Okafor' }, status: 'accepted' },
      { actor: { ...ref(location), display: 'Eastside Family Clinic, Room 4' }, status: 'accepted' },
    ],
  };
  return { patient, focus: [appointment], supporting: [patient, practitioner, location], change: cancelled ? 'update' : 'create' };
}

function resultScene(ctx: SceneContext): Scene {
  const { patient, practitioner } = cast(ctx);
  const organization = organizationResource(ctx.ids());
  const observation: Observation = {
    resourceType: 'Observation',
    id: ctx.ids(),
    identifier: [{ system: accessionSystem, value: visitNumber(ctx.now, 'LAB') }],
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory', display: 'Laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma' }], text: 'Glucose' },
    subject: ref(patient),
    effectiveDateTime: at(ctx.now, -90),
    issued: at(ctx.now),
    performer: [ref(organization), ref(practitioner)],
    valueQuantity: { value: 98, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
    interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'N', display: 'Normal' }] }],
    referenceRange: [{ low: { value: 70, unit: 'mg/dL' }, high: { value: 99, unit: 'mg/dL' } }],
  };
  return { patient, focus: [observation], supporting: [patient, practitioner, organization], change: 'create' };
}

function documentScene(ctx: SceneContext): Scene {
  const { patient, practitioner } = cast(ctx);
  const note = `Progress note\n\nPatient seen for follow-up. Blood pressure 124/78. Continue current plan.\n\nDr. Chidi Okafor, ${at(ctx.now)}`;
  const document: DocumentReference = {
    resourceType: 'DocumentReference',
    id: ctx.ids(),
    identifier: [{ system: documentIdSystem, value: visitNumber(ctx.now, 'DOC') }],
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
    category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note', display: 'Clinical Note' }] }],
    subject: ref(patient),
    date: at(ctx.now),
    author: [ref(practitioner)],
    content: [{ attachment: { contentType: 'text/plain', language: 'en-US', data: asciiBase64(note), title: 'Progress note', creation: at(ctx.now) } }],
  };
  return { patient, focus: [document], supporting: [patient, practitioner], change: 'create' };
}

function chargeScene(ctx: SceneContext): Scene {
  const { patient, practitioner } = cast(ctx);
  const charge: ChargeItem = {
    resourceType: 'ChargeItem',
    id: ctx.ids(),
    identifier: [{ system: chargeIdSystem, value: visitNumber(ctx.now, 'CHG') }],
    status: 'billable',
    code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99213', display: 'Office or other outpatient visit, established patient, low complexity' }] },
    subject: ref(patient),
    occurrenceDateTime: at(ctx.now),
    performer: [{ actor: ref(practitioner) }],
    quantity: { value: 1 },
    priceOverride: { value: 145, currency: 'USD' },
    enteredDate: at(ctx.now),
  };
  return { patient, focus: [charge], supporting: [patient, practitioner], change: 'create' };
}

export const scenes = {
  'patient-arrived': (ctx: SceneContext) => encounterScene(ctx, false),
  'patient-discharged': (ctx: SceneContext) => encounterScene(ctx, true),
  'appointment-booked': (ctx: SceneContext) => appointmentScene(ctx, false),
  'appointment-cancelled': (ctx: SceneContext) => appointmentScene(ctx, true),
  'result-created': resultScene,
  'document-created': documentScene,
  'charge-added': chargeScene,
} as const satisfies Record<string, (ctx: SceneContext) => Scene>;

export type SceneId = keyof typeof scenes;
