/** A results-table column: a FHIRPath expression evaluated against each entry's resource. */
export interface ResultColumn {
  label: string;
  expression: string;
}

const col = (label: string, expression: string): ResultColumn => ({ label, expression });

const byType: Record<string, ResultColumn[]> = {
  Patient: [col('Name', 'name.first()'), col('Identifier', 'identifier.first()'), col('Birth date', 'birthDate'), col('Gender', 'gender')],
  Observation: [
    col('Code', 'code'),
    col('Value', 'value'),
    col('Interpretation', 'interpretation.first()'),
    col('Effective', 'effective'),
    col('Status', 'status'),
    col('Category', 'category.first()'),
    col('Subject', 'subject'),
  ],
  Condition: [col('Code', 'code'), col('Clinical status', 'clinicalStatus'), col('Category', 'category.first()'), col('Onset', 'onset'), col('Subject', 'subject')],
  Encounter: [col('Status', 'status'), col('Class', 'class'), col('Type', 'type.first()'), col('Period', 'period'), col('Subject', 'subject')],
  MedicationRequest: [col('Medication', 'medication'), col('Status', 'status'), col('Intent', 'intent'), col('Authored', 'authoredOn'), col('Subject', 'subject')],
  DocumentReference: [col('Type', 'type'), col('Status', 'status'), col('Date', 'date'), col('Description', 'description'), col('Subject', 'subject')],
  DiagnosticReport: [col('Code', 'code'), col('Status', 'status'), col('Effective', 'effective'), col('Results', 'result.count()'), col('Subject', 'subject')],
  AllergyIntolerance: [col('Code', 'code'), col('Clinical status', 'clinicalStatus'), col('Criticality', 'criticality'), col('Patient', 'patient')],
  Immunization: [col('Vaccine', 'vaccineCode'), col('Status', 'status'), col('Occurrence', 'occurrence'), col('Patient', 'patient')],
  Procedure: [col('Code', 'code'), col('Status', 'status'), col('Performed', 'performed'), col('Subject', 'subject')],
  Appointment: [col('Status', 'status'), col('Start', 'start'), col('End', 'end'), col('Participants', 'participant.actor')],
  ServiceRequest: [col('Code', 'code'), col('Status', 'status'), col('Intent', 'intent'), col('Authored', 'authoredOn'), col('Subject', 'subject')],
  Practitioner: [col('Name', 'name.first()'), col('Identifier', 'identifier.first()')],
  Organization: [col('Name', 'name'), col('Identifier', 'identifier.first()')],
  Location: [col('Name', 'name'), col('Address', 'address')],
  CarePlan: [col('Category', 'category.first()'), col('Status', 'status'), col('Intent', 'intent'), col('Subject', 'subject')],
  Goal: [col('Description', 'description'), col('Status', 'lifecycleStatus'), col('Subject', 'subject')],
};

const fallback: ResultColumn[] = [col('Last updated', 'meta.lastUpdated'), col('Narrative', 'text.status')];

/** Sensible columns for a resource type; the user can edit or replace them. */
export function defaultColumns(resourceType: string): ResultColumn[] {
  return byType[resourceType] ?? fallback;
}
