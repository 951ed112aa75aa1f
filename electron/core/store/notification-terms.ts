import type { NotificationFacts } from '../../../shared/notifications/notification-facts';

/** Kinds of lookup term in `notification_terms` (migration 5). */
export const TermKind = {
  patientIdentifier: 1,
  patientReference: 2,
  focusReference: 3,
  resourceType: 4,
} as const;
export type TermKind = (typeof TermKind)[keyof typeof TermKind];

export interface Term {
  kind: TermKind;
  value: string;
  /** Identifier system; '' when none (or not an identifier). */
  system: string;
}

/** Longer values are not lookups anyone types; capping keeps one odd body from bloating the index. */
const MAX_TERM_LENGTH = 512;
/** A 10,000-entry Bundle should not add 10,000 terms per kind. */
const MAX_TERMS_PER_KIND = 200;

/** The distinct lookup terms of a notification's facts, as the filters query them. */
export function notificationTerms(facts: NotificationFacts): Term[] {
  const terms: Term[] = [];
  const seen = new Set<string>();
  const add = (kind: TermKind, values: Iterable<{ value: string; system: string }>) => {
    let count = 0;
    for (const { value, system } of values) {
      if (value === '' || value.length > MAX_TERM_LENGTH || system.length > MAX_TERM_LENGTH) continue;
      const key = `${kind}\u0000${system}\u0000${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push({ kind, value, system });
      if (++count >= MAX_TERMS_PER_KIND) break;
    }
  };
  add(TermKind.patientIdentifier, facts.patientIdentifiers.map((p) => ({ value: p.value, system: p.system ?? '' })));
  add(TermKind.patientReference, facts.patientReferences.map((value) => ({ value, system: '' })));
  add(TermKind.focusReference, facts.focusReferences.map((value) => ({ value, system: '' })));
  add(TermKind.resourceType, facts.resourceTypes.map((value) => ({ value, system: '' })));
  return terms;
}
