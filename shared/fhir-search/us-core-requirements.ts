/**
 * US Core 9.0.0 server SHALL search patterns (fhir-search-and-auth.md §1.1): a client must send at
 * least one of them. Each pattern lists parameter names that must all be present; chained names
 * are written `hop.name` (PractitionerRole's `practitioner.identifier`).
 */
export interface UsCoreSearchRequirement {
  /** Any one of these patterns satisfies US Core. */
  shall: string[][];
  /** Notable SHOULD combinations, for hints. */
  should?: string[][];
}

export const US_CORE_SEARCH_REQUIREMENTS: Record<string, UsCoreSearchRequirement> = {
  AllergyIntolerance: { shall: [['patient']], should: [['patient', 'clinical-status']] },
  CarePlan: { shall: [['patient', 'category']], should: [['patient', 'category', 'status'], ['patient', 'category', 'date']] },
  CareTeam: { shall: [['patient', 'status']], should: [['patient', 'role']] },
  Condition: { shall: [['patient'], ['patient', 'category']], should: [['patient', 'clinical-status'], ['patient', 'code']] },
  Coverage: { shall: [['patient']] },
  Device: { shall: [['patient']], should: [['patient', 'type'], ['patient', 'status']] },
  DiagnosticReport: {
    shall: [['patient'], ['patient', 'category'], ['patient', 'code'], ['patient', 'category', 'date']],
    should: [['patient', 'status'], ['patient', 'code', 'date']],
  },
  DocumentReference: {
    shall: [['_id'], ['patient'], ['patient', 'category'], ['patient', 'type'], ['patient', 'category', 'date']],
    should: [['patient', 'status'], ['patient', 'type', 'period']],
  },
  Encounter: { shall: [['_id'], ['patient'], ['date', 'patient']], should: [['identifier'], ['class', 'patient'], ['patient', 'type']] },
  FamilyMemberHistory: { shall: [['patient']], should: [['patient', 'code']] },
  Goal: { shall: [['patient']], should: [['patient', 'lifecycle-status'], ['patient', 'target-date']] },
  Immunization: { shall: [['patient']], should: [['patient', 'date'], ['patient', 'status']] },
  Location: { shall: [['name'], ['address']], should: [['address-city'], ['address-state'], ['address-postalcode']] },
  MedicationDispense: { shall: [['patient']], should: [['patient', 'status'], ['patient', 'status', 'type']] },
  MedicationRequest: {
    shall: [['patient', 'intent'], ['patient', 'intent', 'status']],
    should: [['patient', 'intent', 'authoredon'], ['patient', 'intent', 'encounter']],
  },
  Observation: {
    shall: [['patient', 'category'], ['patient', 'code'], ['patient', 'category', 'date']],
    should: [['patient', 'category', 'status'], ['patient', 'code', 'date']],
  },
  Organization: { shall: [['name'], ['address']] },
  Patient: { shall: [['_id'], ['identifier'], ['name'], ['birthdate', 'name']], should: [['birthdate', 'family'], ['death-date', 'family']] },
  Practitioner: { shall: [['identifier'], ['name']], should: [['_id']] },
  PractitionerRole: { shall: [['practitioner'], ['specialty'], ['practitioner.identifier'], ['practitioner.name']] },
  Procedure: { shall: [['patient'], ['patient', 'date']], should: [['patient', 'code', 'date'], ['patient', 'status']] },
  QuestionnaireResponse: { shall: [['_id'], ['patient']], should: [['patient', 'questionnaire'], ['patient', 'authored']] },
  RelatedPerson: { shall: [['_id']], should: [['name'], ['patient'], ['patient', 'name']] },
  ServiceRequest: {
    shall: [['_id'], ['patient'], ['patient', 'category'], ['patient', 'code'], ['patient', 'category', 'authored']],
    should: [['patient', 'status'], ['patient', 'code', 'authored']],
  },
  Specimen: { shall: [['_id']], should: [['patient']] },
};

/**
 * The SHALL patterns for a type and US Core version. Patient gender+name was SHALL in 6.1.0 and
 * 7.0.0 and removed in 8.0.0.
 */
export function usCoreShallPatterns(resourceType: string, version?: string): string[][] {
  const patterns = US_CORE_SEARCH_REQUIREMENTS[resourceType]?.shall ?? [];
  const major = version === undefined ? undefined : Number.parseInt(version, 10);
  if (resourceType === 'Patient' && major !== undefined && major >= 6 && major <= 7) return [...patterns, ['gender', 'name']];
  return patterns;
}
