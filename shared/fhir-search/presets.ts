/**
 * Presets for the common US Core searches. Each describes the inputs it needs (so a UI can render
 * a small form) and builds an ordinary search model from them, which the user can then edit.
 */
import { dateRangeParameters } from './date-range';
import { type SearchEntry, type SearchModel, type SearchValue } from './search-model';

export interface PresetInput {
  key: string;
  label: string;
  /** `patient`: a Patient id or `Patient/id`; `date`: a FHIR date or dateTime; `choice`: one of `choices`. */
  kind: 'text' | 'patient' | 'date' | 'choice';
  required: boolean;
  help?: string;
  placeholder?: string;
  choices?: { value: string; label: string }[];
  /** Used when the input is left empty. */
  defaultValue?: string;
}

export type PresetValues = Record<string, string | undefined>;

export interface SearchPreset {
  id: string;
  title: string;
  description: string;
  resourceType: string;
  inputs: PresetInput[];
  /** Builds the model; empty optional inputs are left out (check `missingPresetInputs` first). */
  build(values: PresetValues): SearchModel;
}

const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const DOCUMENT_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category';

const patientInput: PresetInput = {
  key: 'patient',
  label: 'Patient',
  kind: 'patient',
  required: true,
  placeholder: 'Patient/123 or 123',
};
const fromInput: PresetInput = { key: 'from', label: 'From', kind: 'date', required: false, placeholder: '2024-01-01' };
const toInput: PresetInput = { key: 'to', label: 'To (inclusive)', kind: 'date', required: false, placeholder: '2024-12-31' };

/** `123` or `Patient/123` → a Patient reference value; absolute URLs are kept whole. */
export function patientReference(input: string): SearchValue {
  const value = input.trim();
  const typed = /^Patient\/([^/]+)$/.exec(value);
  if (typed) return { kind: 'reference', resourceType: 'Patient', id: typed[1] ?? '' };
  if (/^[A-Za-z0-9\-.]{1,64}$/.test(value)) return { kind: 'reference', resourceType: 'Patient', id: value };
  return { kind: 'reference', id: value };
}

const read = (values: PresetValues, input: PresetInput): string => (values[input.key] ?? '').trim() || (input.defaultValue ?? '');

const param = (name: string, value: SearchValue): SearchEntry => ({ kind: 'search', name, values: [value] });
const token = (code: string, system?: string): SearchValue => (system === undefined ? { kind: 'token', code } : { kind: 'token', system, code });

function patientEntries(values: PresetValues): SearchEntry[] {
  const patient = read(values, patientInput);
  return patient === '' ? [] : [param('patient', patientReference(patient))];
}

const dateEntries = (name: string, values: PresetValues): SearchEntry[] =>
  dateRangeParameters(name, { from: read(values, fromInput), to: read(values, toInput) });

function observationPreset(id: string, title: string, category: string): SearchPreset {
  return {
    id,
    title,
    description: `US Core: Observation by patient + category (${category}) + date (a SHALL combination).`,
    resourceType: 'Observation',
    inputs: [patientInput, fromInput, toInput],
    build: (values) => ({
      resourceType: 'Observation',
      parameters: [...patientEntries(values), param('category', token(category, OBSERVATION_CATEGORY)), ...dateEntries('date', values)],
    }),
  };
}

const identifierSystem: PresetInput = {
  key: 'system',
  label: 'Identifier system',
  kind: 'text',
  required: false,
  placeholder: 'http://hospital.example.org/mrn',
  help: 'Leave empty to match the value in any system.',
};
const identifierValue: PresetInput = { key: 'value', label: 'Identifier value', kind: 'text', required: true, placeholder: '1032702' };
const nameInput: PresetInput = { key: 'name', label: 'Name', kind: 'text', required: true, help: 'Matches the start of any part of the name.' };
const birthdateInput: PresetInput = { key: 'birthdate', label: 'Birth date', kind: 'date', required: true, placeholder: '1970-01-31' };
const problemCategory: PresetInput = {
  key: 'category',
  label: 'Category',
  kind: 'choice',
  required: true,
  defaultValue: 'problem-list-item',
  choices: [
    { value: 'problem-list-item', label: 'Problem list' },
    { value: 'health-concern', label: 'Health concerns' },
    { value: 'encounter-diagnosis', label: 'Encounter diagnoses' },
  ],
};
const clinicalStatus: PresetInput = {
  key: 'clinicalStatus',
  label: 'Clinical status',
  kind: 'choice',
  required: false,
  choices: ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'].map((value) => ({ value, label: value })),
};
const medicationIntent: PresetInput = {
  key: 'intent',
  label: 'Intent',
  kind: 'choice',
  required: true,
  defaultValue: 'order',
  choices: ['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'].map((value) => ({ value, label: value })),
};
const medicationStatus: PresetInput = {
  key: 'status',
  label: 'Status',
  kind: 'choice',
  required: false,
  choices: ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'].map((value) => ({ value, label: value })),
};
const documentCategory: PresetInput = {
  key: 'category',
  label: 'Category',
  kind: 'choice',
  required: false,
  choices: [{ value: 'clinical-note', label: 'Clinical notes' }],
};

export const SEARCH_PRESETS: readonly SearchPreset[] = [
  {
    id: 'patient-by-identifier',
    title: 'Patient by identifier',
    description: 'US Core: Patient?identifier=system|value (SHALL).',
    resourceType: 'Patient',
    inputs: [identifierSystem, identifierValue],
    build: (values) => {
      const system = read(values, identifierSystem);
      return {
        resourceType: 'Patient',
        parameters: [param('identifier', token(read(values, identifierValue), system === '' ? undefined : system))],
      };
    },
  },
  {
    id: 'patient-by-name-birthdate',
    title: 'Patient by name and birth date',
    description: 'US Core: Patient?name=…&birthdate=… (SHALL combination).',
    resourceType: 'Patient',
    inputs: [nameInput, birthdateInput],
    build: (values) => ({
      resourceType: 'Patient',
      parameters: [param('name', { kind: 'string', value: read(values, nameInput) }), param('birthdate', { kind: 'date', value: read(values, birthdateInput) })],
    }),
  },
  observationPreset('labs-for-patient', 'Lab results for a patient', 'laboratory'),
  observationPreset('vitals-for-patient', 'Vital signs for a patient', 'vital-signs'),
  {
    id: 'problems-for-patient',
    title: 'Problems for a patient',
    description: 'US Core: Condition?patient=…&category=… (SHALL), optionally by clinical status.',
    resourceType: 'Condition',
    inputs: [patientInput, problemCategory, clinicalStatus],
    build: (values) => {
      const status = read(values, clinicalStatus);
      return {
        resourceType: 'Condition',
        parameters: [
          ...patientEntries(values),
          param('category', token(read(values, problemCategory), CONDITION_CATEGORY)),
          ...(status === '' ? [] : [param('clinical-status', token(status, CONDITION_CLINICAL))]),
        ],
      };
    },
  },
  {
    id: 'medications-for-patient',
    title: 'Medications for a patient',
    description: 'US Core: MedicationRequest?patient=…&intent=… (SHALL), with the Medication included.',
    resourceType: 'MedicationRequest',
    inputs: [patientInput, medicationIntent, medicationStatus],
    build: (values) => {
      const status = read(values, medicationStatus);
      return {
        resourceType: 'MedicationRequest',
        parameters: [
          ...patientEntries(values),
          param('intent', token(read(values, medicationIntent))),
          ...(status === '' ? [] : [param('status', token(status))]),
          { kind: 'include', reverse: false, iterate: false, sourceType: 'MedicationRequest', parameter: 'medication' },
        ],
      };
    },
  },
  {
    id: 'encounters-for-patient',
    title: 'Encounters for a patient',
    description: 'US Core: Encounter?patient=… (SHALL), optionally with a date range (date+patient SHALL).',
    resourceType: 'Encounter',
    inputs: [patientInput, fromInput, toInput],
    build: (values) => ({ resourceType: 'Encounter', parameters: [...patientEntries(values), ...dateEntries('date', values)] }),
  },
  {
    id: 'documents-for-patient',
    title: 'Documents for a patient',
    description: 'US Core: DocumentReference?patient=… (SHALL), optionally by category and date.',
    resourceType: 'DocumentReference',
    inputs: [patientInput, documentCategory, fromInput, toInput],
    build: (values) => {
      const category = read(values, documentCategory);
      return {
        resourceType: 'DocumentReference',
        parameters: [
          ...patientEntries(values),
          ...(category === '' ? [] : [param('category', token(category, DOCUMENT_CATEGORY))]),
          ...dateEntries('date', values),
        ],
      };
    },
  },
  {
    id: 'allergies-for-patient',
    title: 'Allergies for a patient',
    description: 'US Core: AllergyIntolerance?patient=… (SHALL).',
    resourceType: 'AllergyIntolerance',
    inputs: [patientInput],
    build: (values) => ({ resourceType: 'AllergyIntolerance', parameters: patientEntries(values) }),
  },
];

export const findPreset = (id: string): SearchPreset | undefined => SEARCH_PRESETS.find((preset) => preset.id === id);

/** Required inputs left empty (a default value counts as filled). */
export function missingPresetInputs(preset: SearchPreset, values: PresetValues): PresetInput[] {
  return preset.inputs.filter((input) => input.required && read(values, input) === '');
}
