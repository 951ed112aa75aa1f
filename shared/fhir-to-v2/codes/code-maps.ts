/**
 * FHIR code → v2 table code. Where the reverse of the V2-to-FHIR IG is one-to-many, the comment says
 * which default was chosen; a FHIR code missing from a map has no v2 equivalent and is reported.
 */
export interface CodeMap {
  /** e.g. `table 0001`. */
  readonly table: string;
  readonly codes: Readonly<Record<string, string>>;
}

const map = (table: string, codes: Record<string, string>): CodeMap => ({ table, codes });

export const GENDER = map('0001', { female: 'F', male: 'M', other: 'O', unknown: 'U' });
/** XPN.7: `old` and `temp`/`anonymous` have no 2.5.1 code (BAD/TEMP/MSK are v2.6+). */
export const NAME_USE = map('0200', { official: 'L', usual: 'D', maiden: 'M', nickname: 'N' });
/** XAD.7: work → B (firm/business); the IG maps O (office) to work too. */
export const ADDRESS_USE = map('0190', { home: 'H', work: 'B', temp: 'C', old: 'BA', billing: 'BI' });
export const TELECOM_USE = map('0201', { home: 'PRN', work: 'WPN', mobile: 'PRN', temp: 'ORN', old: 'ORN' });
export const TELECOM_SYSTEM = map('0202', { phone: 'PH', fax: 'FX', pager: 'BP', email: 'Internet', url: 'Internet', sms: 'CP' });
/** v3 MaritalStatus codes that equal their v2 0002 code; T (domestic partner) → P, UNK → U. */
export const MARITAL = map('0002', {
  A: 'A', D: 'D', I: 'I', L: 'E', M: 'M', P: 'P', S: 'S', T: 'P', U: 'B', W: 'W', UNK: 'U', C: 'C',
});
/** OBX-11: amended → C (A is later than 2.5.1); entered-in-error → W; registered → I. */
export const OBSERVATION_STATUS = map('0085', {
  final: 'F', preliminary: 'P', corrected: 'C', amended: 'C', cancelled: 'X', 'entered-in-error': 'W', registered: 'I',
});
/** OBR-25: registered → O; partial → A (some results available, as in 2.5.1 0123). */
export const REPORT_STATUS = map('0123', {
  registered: 'O', partial: 'A', preliminary: 'P', final: 'F', corrected: 'C', amended: 'C', cancelled: 'X',
  'entered-in-error': 'X',
});
/** PV1-2 from Encounter.class (v3 ActCode). */
export const PATIENT_CLASS = map('0004', { EMER: 'E', IMP: 'I', ACUTE: 'I', NONAC: 'I', AMB: 'O', PRENC: 'P', OBSENC: 'O', SS: 'O', HH: 'O', VR: 'O' });
export const APPOINTMENT_STATUS = map('0278', {
  pending: 'Pending', waitlist: 'Waitlist', booked: 'Booked', fulfilled: 'Complete', cancelled: 'Cancelled',
  noshow: 'Noshow', 'entered-in-error': 'Deleted', 'checked-in': 'Started', arrived: 'Started',
});
/** RXA-20: completed → CP; not-done → RE when a refusal reason is given, else NA. */
export const IMMUNIZATION_STATUS = map('0322', { completed: 'CP', 'not-done': 'NA', 'entered-in-error': 'CP' });
export const DOC_STATUS = map('0271', { final: 'LA', preliminary: 'IP', amended: 'LA', 'entered-in-error': 'IN' });
export const DOC_AVAILABILITY = map('0273', { current: 'AV', superseded: 'OB', 'entered-in-error': 'CA' });
/** ORC-5 from ServiceRequest / MedicationRequest.status. */
export const ORDER_STATUS = map('0038', {
  active: 'IP', 'on-hold': 'HD', revoked: 'CA', cancelled: 'CA', completed: 'CM', 'entered-in-error': 'ER',
  stopped: 'DC', draft: 'SC',
});
export const PRIORITY = map('0485', { stat: 'S', asap: 'A', urgent: 'A', routine: 'R' });
export const ALLERGEN_TYPE = map('0127', { medication: 'DA', food: 'FA', environment: 'EA', biologic: 'AA' });
export const ALLERGY_SEVERITY = map('0128', { severe: 'SV', moderate: 'MO', mild: 'MI', high: 'SV', low: 'MI', 'unable-to-assess': 'U' });
/** Table 0078 codes that equal v3 ObservationInterpretation codes. */
export const INTERPRETATION = map('0078', Object.fromEntries(
  ['L', 'H', 'LL', 'HH', '<', '>', 'N', 'A', 'AA', 'U', 'D', 'B', 'W', 'S', 'R', 'I', 'MS', 'VS', 'POS', 'NEG', 'IND',
    'DET', 'ND', 'AC', 'TOX', 'QCF', 'RR', 'WR', 'NR'].map((c) => [c, c]),
));

export function mapCode(m: CodeMap, code: string | undefined): string | undefined {
  return code === undefined ? undefined : m.codes[code];
}

/** Table 0003 names of the SIU triggers: SCH-6 (required) carries one when there is no cancel reason. */
export const SIU_EVENT = map('0003', {
  S12: 'Notification of new appointment booking', S13: 'Notification of appointment rescheduling',
  S14: 'Notification of appointment modification', S15: 'Notification of appointment cancellation',
  S17: 'Notification of appointment deletion', S26: 'Notification that patient did not show up for scheduled appointment',
});
/** AIP-12 / AIL-12 / AIG-14 from participant.status: FHIR's participation statuses folded onto 0278. */
export const PARTICIPANT_STATUS = map('0278', { accepted: 'Booked', tentative: 'Pending', 'needs-action': 'Pending', declined: 'Cancelled' });
/**
 * TXA-2 (user table 0270) from a LOINC document type. Mind 0270's own letters: PN is a procedure
 * note and PR a progress note. Types outside the map are sent as their own code, with a warning.
 */
export const DOCUMENT_TYPE = map('0270', {
  '11506-3': 'PR', '28570-0': 'PN', '18842-5': 'DS', '34117-2': 'HP', '11488-4': 'CN', '11504-8': 'OP',
  '18748-4': 'DI', '34111-5': 'ED', '18761-7': 'TS', '11526-1': 'SP', '18745-0': 'CD', '18743-5': 'AR',
});
/** TXA-18 (table 0272) from v3 Confidentiality: normal → usual control. */
export const CONFIDENTIALITY = map('0272', { N: 'U', R: 'R', V: 'V' });
/** RXR-1 (table 0162) from v3 RouteOfAdministration; the v3 codes for the common routes differ (SQ, IDINJ, IVINJ). */
export const ROUTE = map('0162', {
  IM: 'IM', SQ: 'SC', IDINJ: 'ID', IVINJ: 'IV', IV: 'IV', PO: 'PO', NASINHLC: 'NS', NASAL: 'NS', TRNSDERMD: 'TD', SL: 'SL',
  TOPICAL: 'TP', RECTAL: 'PR', INHL: 'IH',
});