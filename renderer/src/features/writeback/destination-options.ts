import type { TranslateOptions } from '../../../../shared/fhir-to-v2';

/**
 * What a destination starts with before anyone edits it: a test-processing feed (MSH-11 = T) from
 * SWITCHBOARD/CLINIC to EHR/HOSP, with the example hospital's identifier systems mapped to
 * assigning authorities, so the templates produce complete PID-3 / ORC-2 identifiers.
 */
export const DEFAULT_DESTINATION: TranslateOptions = {
  sendingApplication: 'SWITCHBOARD',
  sendingFacility: 'CLINIC',
  receivingApplication: 'EHR',
  receivingFacility: 'HOSP',
  processingId: 'T',
  version: '2.5.1',
  /** EVN-5 / SCH-20 (entered by): required in SIU, so a default rather than an error on first use. */
  operator: 'SWITCHBOARD',
  assigningAuthorities: {
    'http://hospital.example.org/mrn': 'HOSP',
    'http://hospital.example.org/visit': 'HOSPV',
    'http://hospital.example.org/appointments': 'HOSPSCH',
    'http://hospital.example.org/orders': 'HOSPORD',
    'http://hospital.example.org/documents': 'HOSPDOC',
    'http://hospital.example.org/immunizations': 'HOSPIZ',
    'http://hospital.example.org/charges': 'HOSPFIN',
    'http://hospital.example.org/allergies': 'HOSPAL',
  },
};

export interface MessageTypeChoice {
  /** The option that carries it: a per-destination default (`orderMessage`), or a forced type (`messageType`). */
  readonly option: 'orderMessage' | 'medicationMessage' | 'messageType';
  /** '' = let the translator decide from the edit (action, status, changed elements). */
  readonly values: readonly string[];
}

/** Where the translator has a choice of message for the focus resource, and how it is given. */
export const MESSAGE_TYPE_CHOICES: Readonly<Record<string, MessageTypeChoice>> = {
  ServiceRequest: { option: 'orderMessage', values: ['ORM^O01', 'OML^O21'] },
  MedicationRequest: { option: 'medicationMessage', values: ['RDE^O11', 'OMP^O09'] },
  Patient: { option: 'messageType', values: ['', 'ADT^A28', 'ADT^A31', 'ADT^A08'] },
  Encounter: { option: 'messageType', values: ['', 'ADT^A01', 'ADT^A04', 'ADT^A05', 'ADT^A08', 'ADT^A03', 'ADT^A11'] },
  Appointment: { option: 'messageType', values: ['', 'SIU^S12', 'SIU^S13', 'SIU^S14', 'SIU^S15', 'SIU^S17', 'SIU^S26'] },
  DocumentReference: { option: 'messageType', values: ['', 'MDM^T02', 'MDM^T04', 'MDM^T06', 'MDM^T08', 'MDM^T10'] },
};

/** `HOSP`, `HOSP^1.2.3.4^ISO` ↔ the translator's HD option. */
export function hdToText(hd: TranslateOptions['sendingApplication']): string {
  if (hd === undefined) return '';
  if (typeof hd === 'string') return hd;
  return [hd.namespaceId ?? '', hd.universalId ?? '', hd.universalIdType ?? ''].join('^').replace(/\^+$/, '');
}

export function hdFromText(text: string): TranslateOptions['sendingApplication'] {
  const [namespaceId = '', universalId = '', universalIdType = ''] = text.trim().split('^');
  if (!universalId && !universalIdType) return namespaceId;
  return {
    ...(namespaceId ? { namespaceId } : {}),
    ...(universalId ? { universalId } : {}),
    ...(universalIdType ? { universalIdType } : {}),
  };
}
