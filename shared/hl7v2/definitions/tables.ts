/**
 * Values of the v2.5.1 tables the translator emits or the validator checks. The npm dictionary
 * carries table numbers only, so these are written out here. `complete: false` marks lists we hold
 * only in part (open HL7 tables, user-defined tables with suggested values): a value outside them is
 * a warning, never an error.
 */
export interface TableDefinition {
  readonly name: string;
  readonly values: Readonly<Record<string, string>>;
  readonly complete: boolean;
}

const t = (name: string, complete: boolean, values: Record<string, string>): TableDefinition => ({
  name,
  complete,
  values,
});

const TABLES: Readonly<Record<number, TableDefinition>> = {
  1: t('Administrative Sex', false, { A: 'Ambiguous', F: 'Female', M: 'Male', N: 'Not applicable', O: 'Other', U: 'Unknown' }),
  2: t('Marital Status', false, {
    A: 'Separated', B: 'Unmarried', C: 'Common law', D: 'Divorced', E: 'Legally Separated', G: 'Living together',
    I: 'Interlocutory', M: 'Married', N: 'Annulled', O: 'Other', P: 'Domestic partner', R: 'Registered domestic partner',
    S: 'Single', T: 'Unreported', U: 'Unknown', W: 'Widowed',
  }),
  4: t('Patient Class', false, {
    B: 'Obstetrics', C: 'Commercial Account', E: 'Emergency', I: 'Inpatient', N: 'Not Applicable', O: 'Outpatient',
    P: 'Preadmit', R: 'Recurring patient', U: 'Unknown',
  }),
  8: t('Acknowledgment Code', true, {
    AA: 'Application Accept', AE: 'Application Error', AR: 'Application Reject', CA: 'Commit Accept', CE: 'Commit Error',
    CR: 'Commit Reject',
  }),
  17: t('Transaction Type', false, { AJ: 'Adjustment', CD: 'Credit', CG: 'Charge', CO: 'Co-payment', PY: 'Payment' }),
  38: t('Order Status', true, {
    A: 'Some, but not all, results available', CA: 'Order was canceled', CM: 'Order is completed',
    DC: 'Order was discontinued', ER: 'Error, order not found', HD: 'Order is on hold', IP: 'In process, unspecified',
    RP: 'Order has been replaced', SC: 'In process, scheduled',
  }),
  63: t('Relationship', false, {
    BRO: 'Brother', CGV: 'Care giver', CHD: 'Child', EMC: 'Emergency contact', FTH: 'Father', GRD: 'Guardian',
    MTH: 'Mother', OTH: 'Other', PAR: 'Parent', SEL: 'Self', SIS: 'Sister', SPO: 'Spouse',
  }),
  78: t('Abnormal Flags', false, {
    L: 'Below low normal', H: 'Above high normal', LL: 'Below lower panic limits', HH: 'Above upper panic limits',
    '<': 'Below absolute low-off instrument scale', '>': 'Above absolute high-off instrument scale', N: 'Normal',
    A: 'Abnormal', AA: 'Very abnormal', U: 'Significant change up', D: 'Significant change down', B: 'Better',
    W: 'Worse', S: 'Susceptible', R: 'Resistant', I: 'Intermediate', MS: 'Moderately susceptible',
    VS: 'Very susceptible', POS: 'Positive', NEG: 'Negative', IND: 'Indeterminate', DET: 'Detected',
    ND: 'Not Detected', AC: 'Anti-complementary substances present', TOX: 'Cytotoxic substance present',
    QCF: 'Quality Control Failure', RR: 'Reactive', WR: 'Weakly reactive', NR: 'Non-reactive',
  }),
  85: t('Observation Result Status Codes Interpretation', true, {
    C: 'Record coming over is a correction', D: 'Deletes the OBX record', F: 'Final results',
    I: 'Specimen in lab; results pending', N: 'Not asked', O: 'Order detail description only',
    P: 'Preliminary results', R: 'Results entered -- not verified', S: 'Partial results',
    U: 'Results status change to final without retransmitting results', W: 'Post original as wrong',
    X: 'Results cannot be obtained for this observation',
  }),
  103: t('Processing ID', true, { D: 'Debugging', P: 'Production', T: 'Training' }),
  104: t('Version ID', true, {
    '2.0': 'Release 2.0', '2.0D': 'Demo 2.0', '2.1': 'Release 2.1', '2.2': 'Release 2.2', '2.3': 'Release 2.3',
    '2.3.1': 'Release 2.3.1', '2.4': 'Release 2.4', '2.5': 'Release 2.5', '2.5.1': 'Release 2.5.1',
  }),
  105: t('Source of Comment', true, { L: 'Ancillary (filler)', O: 'Other system', P: 'Orderer (placer)' }),
  119: t('Order Control Codes', false, {
    AF: 'Order refill request approval', CA: 'Cancel order request', CH: 'Child order', CN: 'Combined result',
    CR: 'Canceled as requested', DC: 'Discontinue order request', DE: 'Data errors', DF: 'Order refill request denied',
    DR: 'Discontinued as requested', FU: 'Order refilled, unsolicited', HD: 'Hold order request',
    HR: 'On hold as requested', LI: 'Link order to patient care problem', NA: 'Number assigned', NW: 'New order',
    OC: 'Order canceled', OD: 'Order discontinued', OE: 'Order released', OF: 'Order refilled as requested',
    OH: 'Order held', OK: 'Order accepted & OK', OP: 'Notification of order for outside dispense', OR: 'Released as requested',
    PA: 'Parent order', PR: 'Previous results', PY: 'Notification of replacement order for outside dispense',
    RE: 'Observations to follow', RF: 'Refill order request', RL: 'Release previous hold', RO: 'Replacement order',
    RP: 'Order replace request', RQ: 'Replaced as requested', RR: 'Request received', RU: 'Replaced unsolicited',
    SC: 'Status changed', SN: 'Send order number', SR: 'Response to send order status request',
    SS: 'Send order status request', UA: 'Unable to accept order', XO: 'Change order request',
    XR: 'Changed as requested', XX: 'Order changed, unsol.',
  }),
  123: t('Result Status', true, {
    A: 'Some, but not all, results available', C: 'Correction to results', F: 'Final results',
    I: 'No results available; specimen received, procedure incomplete', O: 'Order received; specimen not yet received',
    P: 'Preliminary', R: 'Results stored; not yet verified', S: 'No results available; procedure scheduled',
    X: 'No results available; Order canceled', Y: 'No order on record for this test', Z: 'No record of this patient',
  }),
  125: t('Value Type', true, Object.fromEntries(
    ['AD', 'CE', 'CF', 'CK', 'CN', 'CNE', 'CP', 'CWE', 'CX', 'DR', 'DT', 'DTM', 'ED', 'FT', 'MA', 'MO', 'NA', 'NM',
      'PN', 'RP', 'SN', 'ST', 'TM', 'TN', 'TS', 'TX', 'XAD', 'XCN', 'XON', 'XPN', 'XTN'].map((v) => [v, v]),
  )),
  127: t('Allergen Type', false, {
    AA: 'Animal Allergy', DA: 'Drug allergy', EA: 'Environmental Allergy', FA: 'Food allergy', LA: 'Pollen Allergy',
    MA: 'Miscellaneous allergy', MC: 'Miscellaneous contraindication', PA: 'Plant Allergy',
  }),
  128: t('Allergy Severity', false, { MI: 'Mild', MO: 'Moderate', SV: 'Severe', U: 'Unknown' }),
  136: t('Yes/no Indicator', true, { Y: 'Yes', N: 'No' }),
  155: t('Accept/Application Acknowledgment Conditions', true, {
    AL: 'Always', ER: 'Error/reject conditions only', NE: 'Never', SU: 'Successful completion only',
  }),
  161: t('Allow Substitution', true, { G: 'Allow generic substitutions', N: 'Substitutions are NOT authorized', T: 'Allow therapeutic substitutions' }),
  190: t('Address Type', false, {
    B: 'Firm/Business', BA: 'Bad address', BDL: 'Birth delivery location', BI: 'Billing Address',
    BR: 'Residence at birth', C: 'Current Or Temporary', F: 'Country Of Origin', H: 'Home', L: 'Legal Address',
    M: 'Mailing', N: 'Birth', O: 'Office', P: 'Permanent', RH: 'Registry home',
  }),
  191: t('Type of Referenced Data', true, {
    AP: 'Other application data', AU: 'Audio data', FT: 'Formatted text', IM: 'Image data', multipart: 'MIME multipart',
    NS: 'Non-scanned image', SD: 'Scanned document', SI: 'Scanned image', TEXT: 'Machine readable text document',
    TX: 'Machine readable text document',
  }),
  200: t('Name Type', true, {
    A: 'Alias Name', B: 'Name at Birth', C: 'Adopted Name', D: 'Display Name', I: 'Licensing Name', L: 'Legal Name',
    M: 'Maiden Name', N: 'Nickname', P: 'Name of Partner/Spouse', R: 'Registered Name', S: 'Coded Pseudo-Name',
    T: 'Indigenous/Tribal/Community Name', U: 'Unspecified',
  }),
  201: t('Telecommunication Use Code', true, {
    ASN: 'Answering Service Number', BPN: 'Beeper Number', EMR: 'Emergency Number', NET: 'Network (email) Address',
    ORN: 'Other Residence Number', PRN: 'Primary Residence Number', VHN: 'Vacation Home Number',
    WPN: 'Work Number',
  }),
  202: t('Telecommunication Equipment Type', true, {
    BP: 'Beeper', CP: 'Cellular Phone', FX: 'Fax', Internet: 'Internet Address', MD: 'Modem', PH: 'Telephone',
    TDD: 'Telecommunications Device for the Deaf', TTY: 'Teletypewriter', 'X.400': 'X.400 email address',
  }),
  207: t('Processing Mode', true, { A: 'Archive', I: 'Initial load', R: 'Restore from archive', T: 'Current processing' }),
  211: t('Alternate Character Sets', true, Object.fromEntries(
    ['ASCII', '8859/1', '8859/2', '8859/3', '8859/4', '8859/5', '8859/6', '8859/7', '8859/8', '8859/9', '8859/15',
      'ISO IR6', 'ISO IR14', 'ISO IR87', 'ISO IR159', 'GB 18030-2000', 'KS X 1001', 'CNS 11643-1992', 'BIG-5',
      'UNICODE', 'UNICODE UTF-8', 'UNICODE UTF-16', 'UNICODE UTF-32'].map((v) => [v, v]),
  )),
  270: t('Document Type', false, {
    AR: 'Autopsy report', CD: 'Cardiodiagnostics', CN: 'Consultation', DI: 'Diagnostic imaging', DS: 'Discharge summary',
    ED: 'Emergency department report', HP: 'History and physical examination', OP: 'Operative report',
    PC: 'Psychiatric consultation', PH: 'Psychiatric history and physical examination', PN: 'Procedure note',
    PR: 'Progress note', SP: 'Surgical pathology', TS: 'Transfer summary',
  }),
  271: t('Document Completion Status', true, {
    AU: 'Authenticated', DI: 'Dictated', DO: 'Documented', IN: 'Incomplete', IP: 'In Progress', LA: 'Legally authenticated',
    PA: 'Pre-authenticated',
  }),
  272: t('Document Confidentiality Status', true, { R: 'Restricted', U: 'Usual control', V: 'Very restricted' }),
  273: t('Document Availability Status', true, {
    AV: 'Available for patient care', CA: 'Deleted', OB: 'Obsolete', UN: 'Unavailable for patient care',
  }),
  278: t('Filler Status Codes', false, {
    Blocked: 'Blocked', Booked: 'Booked', Cancelled: 'Cancelled', Complete: 'Complete', Dc: 'Discontinued',
    Deleted: 'Deleted', Overbook: 'Overbooked', Pending: 'Pending', Started: 'Started', Waitlist: 'Waitlisted',
    Noshow: 'No show',
  }),
  322: t('Completion Status', true, { CP: 'Complete', NA: 'Not Administered', PA: 'Partially Administered', RE: 'Refused' }),
  323: t('Action Code', true, { A: 'Add/Insert', D: 'Delete', U: 'Update', X: 'No Change' }),
  357: t('Message Error Condition Codes', true, {
    '0': 'Message accepted', '100': 'Segment sequence error', '101': 'Required field missing', '102': 'Data type error',
    '103': 'Table value not found', '200': 'Unsupported message type', '201': 'Unsupported event code',
    '202': 'Unsupported processing id', '203': 'Unsupported version id', '204': 'Unknown key identifier',
    '205': 'Duplicate key identifier', '206': 'Application record locked', '207': 'Application internal error',
  }),
  438: t('Allergy Clinical Status', false, {
    C: 'Confirmed or verified', D: 'Doubt raised', E: 'Erroneous', I: 'Confirmed but inactive', P: 'Pending',
    S: 'Suspect', U: 'Unconfirmed',
  }),
  485: t('Extended Priority Codes', false, {
    A: 'ASAP', C: 'Callback', P: 'Preop', PRN: 'As needed', R: 'Routine', S: 'Stat', T: 'Timing critical',
  }),
  516: t('Error Severity', true, { E: 'Error', I: 'Information', W: 'Warning' }),
};

export function tableDefinition(table: number): TableDefinition | undefined {
  return TABLES[table];
}

/** `HL70001` style name used as a coding-system (CE.3) for HL7 tables. */
export function hl7TableSystemName(table: number): string {
  return `HL7${String(table).padStart(4, '0')}`;
}
