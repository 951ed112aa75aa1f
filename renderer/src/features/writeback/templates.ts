import type { TranslateOptions } from '../../../../shared/fhir-to-v2';
import cashew from '../../../../shared/fhir-to-v2/fixtures/allergy-intolerance-cashew.json';
import appointment from '../../../../shared/fhir-to-v2/fixtures/appointment-bundle.json';
import charge from '../../../../shared/fhir-to-v2/fixtures/charge-item-office-visit.json';
import cbc from '../../../../shared/fhir-to-v2/fixtures/diagnostic-report-cbc.json';
import note from '../../../../shared/fhir-to-v2/fixtures/document-reference-note.json';
import admit from '../../../../shared/fhir-to-v2/fixtures/encounter-admit.json';
import flu from '../../../../shared/fhir-to-v2/fixtures/immunization-flu.json';
import metformin from '../../../../shared/fhir-to-v2/fixtures/medication-request-metformin.json';
import glucose from '../../../../shared/fhir-to-v2/fixtures/observation-glucose-bundle.json';
import patient from '../../../../shared/fhir-to-v2/fixtures/patient-example.json';
import labOrder from '../../../../shared/fhir-to-v2/fixtures/service-request-lab.json';
import { vitalSigns } from './vitals-template';

/** What the edit does, for the translator's trigger choice (kept with the template, editable in the options). */
export type EditIntent = Pick<TranslateOptions, 'action' | 'changed' | 'previousStatus'>;

export interface WritebackTemplate {
  readonly id: string;
  readonly label: string;
  /** What the EHR receives. */
  readonly message: string;
  readonly text: string;
  readonly intent: EditIntent;
}

type BundleLike = { entry: { resource: { resourceType: string } & Record<string, unknown> }[] } & Record<string, unknown>;

/** A copy of a Bundle with the entry of one resource type changed. */
function patched<T extends BundleLike>(bundle: T, type: string, patch: Record<string, unknown>): T {
  return { ...bundle, entry: bundle.entry.map((e) => (e.resource.resourceType === type ? { ...e, resource: { ...e.resource, ...patch } } : e)) };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The same Patient, as an update: a new address and phone number. */
const patientUpdate = {
  ...patient,
  telecom: [{ system: 'phone', value: '(03) 5555 8834', use: 'mobile' }, ...(patient.telecom ?? [])],
  address: [{ use: 'home', type: 'both', line: ['12 Riverbend Rd'], city: 'PleasantVille', district: 'Rainbow', state: 'Vic', postalCode: '3999', period: { start: '2024-02-01' } }],
};

const rescheduled = patched(appointment as BundleLike, 'Appointment', { start: '2013-12-12T14:00:00Z', end: '2013-12-12T16:00:00Z' });
const cancelled = patched(appointment as BundleLike, 'Appointment', {
  status: 'cancelled',
  cancelationReason: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason', code: 'pat-cpp', display: 'Patient: Canceled via Patient Portal' }],
  },
});

/** One template per kind of writeback the translator supports, from its test fixtures (real-world shaped data). */
export const TEMPLATES: readonly WritebackTemplate[] = [
  { id: 'lab-result', label: 'Lab result (CBC report)', message: 'ORU^R01', text: json(cbc), intent: { action: 'create' } },
  { id: 'lab-single', label: 'Lab result (single Observation)', message: 'ORU^R01', text: json(glucose), intent: { action: 'create' } },
  { id: 'vitals', label: 'Vital signs', message: 'ORU^R01', text: json(vitalSigns), intent: { action: 'create' } },
  { id: 'patient-new', label: 'Patient (new)', message: 'ADT^A28', text: json(patient), intent: { action: 'create' } },
  { id: 'patient-update', label: 'Patient update', message: 'ADT^A31', text: json(patientUpdate), intent: { action: 'update' } },
  { id: 'encounter-admit', label: 'Admission (Encounter)', message: 'ADT^A01', text: json(admit), intent: { action: 'create' } },
  { id: 'appointment-booked', label: 'Appointment booked', message: 'SIU^S12', text: json(appointment), intent: { action: 'create' } },
  { id: 'appointment-rescheduled', label: 'Appointment rescheduled', message: 'SIU^S13', text: json(rescheduled), intent: { action: 'update', changed: ['start', 'end'] } },
  { id: 'appointment-cancelled', label: 'Appointment cancelled', message: 'SIU^S15', text: json(cancelled), intent: { action: 'cancel' } },
  { id: 'note', label: 'Clinical note', message: 'MDM^T02', text: json(note), intent: { action: 'create' } },
  { id: 'immunization', label: 'Immunization', message: 'VXU^V04', text: json(flu), intent: { action: 'create' } },
  { id: 'order', label: 'Lab order', message: 'ORM^O01 / OML^O21', text: json(labOrder), intent: { action: 'create' } },
  { id: 'medication-order', label: 'Medication order', message: 'RDE^O11 / OMP^O09', text: json(metformin), intent: { action: 'create' } },
  { id: 'charge', label: 'Charge', message: 'DFT^P03', text: json(charge), intent: { action: 'create' } },
  { id: 'allergy', label: 'Allergy', message: 'ADT^A60', text: json(cashew), intent: { action: 'create' } },
];

export const templateById = (id: string) => TEMPLATES.find((t) => t.id === id);
