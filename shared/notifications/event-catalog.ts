import type { EventCategory } from './notification-facts';

/**
 * The events Switchboard can name: Redox's notification catalogue (reference doc A8) plus the
 * writeback events of A10, each with the names subscription topics commonly use for the same
 * thing, so a Redox `PatientAdminPatientArrived` and a topic `…/SubscriptionTopic/encounter-start`
 * read the same in the inbox.
 */
export interface CatalogueEvent {
  /** Stable id Switchboard uses (templates, filters): kebab case. */
  id: string;
  /** Redox EventDefinition name as it appears at the end of `eventUri`. */
  code: string;
  label: string;
  category: EventCategory;
  /** Other names for it: older Redox codes, writeback names, subscription topic names. */
  aliases: readonly string[];
}

type Group = 'PatientAdmin' | 'Scheduling' | 'Result' | 'Document' | 'Order' | 'Financial';

const categoryOfGroup: Record<Group, EventCategory> = {
  PatientAdmin: 'administrative',
  Scheduling: 'administrative',
  Result: 'clinical',
  Document: 'clinical',
  Order: 'clinical',
  Financial: 'financial',
};

const pascal = (kebab: string) =>
  kebab
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

const sentence = (kebab: string) => {
  const words = kebab.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * One catalogue row. Redox prefixes most names with the group (`PatientAdminPatientArrived`) but
 * not all (`ServiceRequestCreated`), so `prefixed` says which; the other spelling is kept as an
 * alias because the reference doc warns the convention is not reliable.
 */
function event(
  group: Group,
  id: string,
  options: { prefixed: boolean; code?: string; label?: string; aliases?: string[] },
): CatalogueEvent {
  const bare = pascal(id);
  const code = options.code ?? (options.prefixed ? `${group}${bare}` : bare);
  return {
    id,
    code,
    label: options.label ?? sentence(id),
    category: categoryOfGroup[group],
    aliases: [bare, `${group}${bare}`, ...(options.aliases ?? [])],
  };
}

const patientAdmin = (id: string, aliases: string[] = [], label?: string) =>
  event('PatientAdmin', id, { prefixed: true, aliases, ...(label ? { label } : {}) });
const scheduling = (id: string, aliases: string[] = []) => event('Scheduling', id, { prefixed: true, aliases });
const order = (id: string, aliases: string[] = []) => event('Order', id, { prefixed: false, aliases });

export const eventCatalogue: readonly CatalogueEvent[] = [
  patientAdmin('patient-arrived', ['encounter-start', 'encounter-arrived', 'patient-arrival', 'admission']),
  patientAdmin('patient-created', ['PatientCreate', 'PatientAdmin-NewPatient', 'patient-create']),
  patientAdmin('patient-discharged', ['encounter-end', 'encounter-finished', 'encounter-complete', 'discharge']),
  patientAdmin('patient-merged', ['patient-merge']),
  patientAdmin('patient-pre-admitted', ['pre-admission']),
  patientAdmin('patient-registered', ['patient-registration']),
  patientAdmin('patient-transferred', ['encounter-transfer', 'transfer']),
  patientAdmin('patient-updated', ['PatientUpdate', 'patient-update']),
  scheduling('appointment-booked', ['appointment-created', 'appointment-create', 'new-appointment']),
  scheduling('appointment-cancelled', ['appointment-canceled', 'appointment-cancel']),
  scheduling('appointment-updated', ['AppointmentUpdate', 'appointment-update', 'appointment-rescheduled']),
  event('Result', 'result-created', {
    prefixed: false,
    aliases: ['ResultCreated', 'new-result', 'lab-result', 'result-available'],
  }),
  event('Result', 'observation-created', {
    prefixed: false,
    aliases: ['ObservationCreate', 'Observation-New', 'observation-create'],
  }),
  event('Document', 'document-created', {
    prefixed: false,
    aliases: ['DocumentReferenceCreate', 'Media-New', 'documentreference-created', 'documentreference-create', 'new-document'],
  }),
  event('Document', 'document-deleted', { prefixed: false }),
  event('Document', 'document-replaced', { prefixed: false }),
  ...['device-request', 'medication-request', 'service-request'].flatMap((kind) =>
    ['created', 'updated', 'cancelled'].map((what) => order(`${kind}-${what}`)),
  ),
  ...[
    'requested',
    'accepted',
    'declined',
    'completed',
    'confirm-cancelled',
    'request-cancelled',
    'schedule-updated',
    'acknowledged',
  ].map((what) => order(`referral-${what}`)),
  // A8 names this one `financial-new`; no eventUri has been seen, so the code follows the usual pattern.
  event('Financial', 'charge-added', {
    prefixed: false,
    code: 'FinancialNew',
    label: 'Charge added',
    aliases: ['financial-new', 'Financial-event-new', 'FinancialChargeAdded', 'chargeitem-created', 'chargeitem-create', 'new-charge'],
  }),
];

/**
 * Folds the spellings of one name together: `PatientAdminPatientArrived`, `patient-admin-patient-arrived`
 * and the older `PatientAdmin-event-patient-arrived` all become `patientadminpatientarrived`.
 */
export function eventKey(name: string): string {
  return name
    .split(/[-_\s.]+/)
    .filter((segment) => segment.toLowerCase() !== 'event')
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const index: ReadonlyMap<string, CatalogueEvent> = (() => {
  const map = new Map<string, CatalogueEvent>();
  for (const entry of eventCatalogue) {
    for (const name of [entry.code, entry.id, ...entry.aliases]) {
      const key = eventKey(name);
      if (!map.has(key)) map.set(key, entry);
    }
  }
  return map;
})();

/**
 * The short name in an event URI or topic canonical: its last path segment, without a
 * `|version` suffix (canonicals may carry one) or query. A plain name comes back unchanged.
 */
export function eventName(codeOrUri: string): string {
  const withoutVersion = codeOrUri.trim().split('|')[0] ?? '';
  const withoutQuery = withoutVersion.split(/[?]/)[0] ?? '';
  const segments = withoutQuery.split(/[/#]/).filter((segment) => segment !== '');
  const last = segments.at(-1) ?? withoutQuery;
  // `urn:redox:event:Foo`-style names put the event after the last colon.
  return /^[a-z][a-z0-9+.-]*:/i.test(last) && !last.includes('//') ? (last.split(':').at(-1) ?? last) : last;
}

export function findCatalogueEvent(codeOrUri: string): CatalogueEvent | null {
  return index.get(eventKey(eventName(codeOrUri))) ?? null;
}

const prefixCategories: ReadonlyArray<readonly [string, EventCategory]> = [
  ['patientadmin', 'administrative'],
  ['scheduling', 'administrative'],
  ['appointment', 'administrative'],
  ['encounter', 'administrative'],
  ['patient', 'administrative'],
  ['result', 'clinical'],
  ['observation', 'clinical'],
  ['diagnosticreport', 'clinical'],
  ['document', 'clinical'],
  ['media', 'clinical'],
  ['order', 'clinical'],
  ['servicerequest', 'clinical'],
  ['medicationrequest', 'clinical'],
  ['devicerequest', 'clinical'],
  ['referral', 'clinical'],
  ['financial', 'financial'],
  ['charge', 'financial'],
  ['claim', 'financial'],
  ['account', 'financial'],
];

/** Words of a PascalCase, camelCase, kebab or snake name. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[-_\s.]+/)
    .filter((word) => word !== '' && word.toLowerCase() !== 'event');
}

/** A readable label for a name the catalogue does not know: `SchedulingSlotOpened` → "Slot opened". */
function humanize(name: string): string {
  let parts = words(name);
  const groupWords = new Set(['patientadmin', 'scheduling']);
  if (parts.length > 2 && groupWords.has((parts[0]! + parts[1]!).toLowerCase())) parts = parts.slice(2);
  else if (parts.length > 1 && groupWords.has(parts[0]!.toLowerCase())) parts = parts.slice(1);
  const label = parts.join(' ').toLowerCase();
  return label === '' ? name : label.charAt(0).toUpperCase() + label.slice(1);
}

export interface DescribedEvent {
  /** The short name as sent (last segment of the URI, or the code). */
  code: string;
  label: string;
  category: EventCategory;
  /** The catalogue row it matched, if any. */
  catalogueId: string | null;
}

/** Names any event or topic: from the catalogue when known, else from its own words. */
export function describeEvent(codeOrUri: string): DescribedEvent {
  const code = eventName(codeOrUri) || codeOrUri;
  const known = findCatalogueEvent(codeOrUri);
  if (known) return { code, label: known.label, category: known.category, catalogueId: known.id };
  const key = eventKey(code);
  const category = prefixCategories.find(([prefix]) => key.startsWith(prefix))?.[1] ?? 'unknown';
  return { code, label: humanize(code), category, catalogueId: null };
}

/**
 * Every name an inbox row's `event` may hold for what the user asked for: a catalogue event is
 * stored as its sender spelled it (a Redox code, a topic's last segment), so "Patient arrived",
 * `PatientAdminPatientArrived` and `encounter-start` all find the same rows. A name the catalogue
 * does not know is matched as sent and as its short name.
 */
export function eventSpellings(nameOrLabel: string): string[] {
  const asked = nameOrLabel.trim();
  const known = findCatalogueEvent(asked) ?? eventCatalogue.find((e) => e.label.toLowerCase() === asked.toLowerCase()) ?? null;
  const names = known ? [known.code, known.id, ...known.aliases] : [asked, eventName(asked)];
  return [...new Set(names.filter((n) => n !== ''))];
}
