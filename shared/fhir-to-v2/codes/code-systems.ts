/** FHIR code-system URIs → v2 coding-system names (table 0396 and common practice). */
const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  'http://loinc.org': 'LN',
  'http://snomed.info/sct': 'SCT',
  'http://hl7.org/fhir/sid/icd-10': 'I10',
  'http://hl7.org/fhir/sid/icd-10-cm': 'I10C',
  'http://hl7.org/fhir/sid/icd-9-cm': 'I9C',
  'http://www.ama-assn.org/go/cpt': 'C4',
  'http://hl7.org/fhir/sid/ndc': 'NDC',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RXNORM',
  'http://unitsofmeasure.org': 'UCUM',
  'http://hl7.org/fhir/sid/us-npi': 'NPI',
  'http://terminology.hl7.org/CodeSystem/snm': 'SNM',
  'http://hl7.org/fhir/sid/cvx': 'CVX',
  'http://terminology.hl7.org/CodeSystem/MVX': 'MVX',
  'http://hl7.org/fhir/sid/mvx': 'MVX',
  'http://ncimeta.nci.nih.gov': 'NCIT',
  'http://ncithesaurus-stage.nci.nih.gov': 'NCIT',
  'urn:oid:2.16.840.1.113883.6.238': 'CDCREC',
  'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation': 'HL70078',
  'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus': 'HL70002',
  'http://terminology.hl7.org/CodeSystem/v3-ActCode': 'HL70004',
  // v3 ActSite body-site codes (LA, RA, LD, RD, LT, RT…) are the codes of v2 table 0163.
  'http://terminology.hl7.org/CodeSystem/v3-ActSite': 'HL70163',
  'urn:ietf:bcp:47': 'ISO639',
  'http://unstats.un.org/unsd/methods/m49/m49.htm': 'UN-M49',
  'urn:iso:std:iso:3166': 'ISO3166',
};

const V2_TABLE = /^http:\/\/terminology\.hl7\.org\/CodeSystem\/v2-(\d{4})$/;

/** The v2 coding-system name for a FHIR system URI; undefined when unknown. */
export function v2SystemName(system: string, overrides: Readonly<Record<string, string>>): string | undefined {
  const own = overrides[system] ?? SYSTEM_NAMES[system];
  if (own) return own;
  const table = V2_TABLE.exec(system)?.[1];
  return table ? `HL7${table}` : undefined;
}
