import type { SQLInputValue } from 'node:sqlite';
import type { NotificationFilter } from '../../../shared/contract';
import { eventSpellings } from '../../../shared/notifications/event-catalog';
import { TermKind } from './notification-terms';
import { matchAsSent, subscriptionCondition, type SubscriptionMatch } from './subscription-match';

/** A WHERE clause over `notifications n`, built from a filter with bound parameters only. */
export interface Conditions {
  clauses: string[];
  params: SQLInputValue[];
}

/** The first id received at or after a time (none: beyond every id). */
const FIRST_ID_AT =
  '(SELECT coalesce((SELECT id FROM notifications WHERE received_at >= ? ORDER BY received_at, id LIMIT 1), 9223372036854775807))';

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * Filter → SQL. Every clause is shaped so an index of migration 5 can serve it: equality or IN on
 * an `(x, id)` index, the exact expression of a partial index (`is_read = 0`…), or `n.id IN` a
 * walk of `notification_terms` by its primary key. Text search is not here: it is driven from the
 * FTS index first (see NotificationQueries).
 */
export function filterConditions(
  filter: NotificationFilter,
  /** The filtered subscription's notifications (SubscriptionStateStore.match); default: the reference as given, anywhere. */
  subscriptionMatch?: SubscriptionMatch,
): Conditions {
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  const inList = (column: string, values: readonly string[] | readonly number[] | undefined) => {
    if (values === undefined) return;
    if (values.length === 0) {
      clauses.push('0');
      return;
    }
    clauses.push(`${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  // Receipt times never go backwards (NotificationStore clamps them), so a time range is also an
  // id range: two index seeks turn it into a rowid range that "newest first" walks without a sort.
  // The time comparisons stay (with + so they do not steer the plan) to keep the result exact.
  if (filter.receivedFrom !== undefined) {
    const from = Date.parse(filter.receivedFrom);
    clauses.push(`n.id >= ${FIRST_ID_AT}`, '+n.received_at >= ?');
    params.push(from, from);
  }
  if (filter.receivedTo !== undefined) {
    const to = Date.parse(filter.receivedTo);
    clauses.push(`n.id < ${FIRST_ID_AT}`, '+n.received_at < ?');
    params.push(to, to);
  }
  inList('n.endpoint_id', filter.endpointIds);
  inList('n.event', filter.events === undefined ? undefined : [...new Set(filter.events.flatMap(eventSpellings))]);
  inList('n.category', filter.categories);
  inList('n.payload_level', filter.payloadLevels);
  inList('n.verification', filter.verifications);
  if (filter.parseStatuses !== undefined) {
    inList('n.parse_status', filter.parseStatuses);
    // Lets the partial index of parse problems serve the common "only the broken ones" filter.
    if (filter.parseStatuses.length > 0 && !filter.parseStatuses.includes('ok')) clauses.push("n.parse_status <> 'ok'");
  }
  if (filter.resourceTypes !== undefined) {
    // Resource types are common (a quarter of rows hold an Observation): checked per row with an
    // exact primary-key probe, so the newest-first walk (or a time range) drives the plan. Rare
    // keys (patients) go the other way below: their few rows drive.
    if (filter.resourceTypes.length === 0) clauses.push('0');
    else {
      clauses.push(
        `EXISTS (SELECT 1 FROM notification_terms t WHERE t.kind = ${TermKind.resourceType} AND t.value IN (${placeholders(filter.resourceTypes.length)}) AND t.system = '' AND t.notification_id = n.id)`,
      );
      params.push(...filter.resourceTypes);
    }
  }
  if (filter.patient !== undefined) {
    const system = filter.patient.system;
    clauses.push(
      `n.id IN (SELECT notification_id FROM notification_terms WHERE kind = ${TermKind.patientIdentifier} AND value = ?${system === undefined ? '' : ' AND system = ?'})`,
    );
    params.push(filter.patient.value, ...(system === undefined ? [] : [system]));
  }
  if (filter.patientReference !== undefined) {
    clauses.push(`n.id IN (SELECT notification_id FROM notification_terms WHERE kind = ${TermKind.patientReference} AND value = ?)`);
    params.push(filter.patientReference);
  }
  if (filter.read !== undefined) clauses.push(filter.read ? 'n.is_read = 1' : 'n.is_read = 0');
  if (filter.starred !== undefined) clauses.push(filter.starred ? 'n.starred = 1' : 'n.starred = 0');
  if (filter.handshake !== undefined) clauses.push(filter.handshake ? 'n.handshake IS NOT NULL' : 'n.handshake IS NULL');
  if (filter.hasWarnings !== undefined) clauses.push(filter.hasWarnings ? 'n.warnings_json IS NOT NULL' : 'n.warnings_json IS NULL');
  // One reference is an equality on its index (newest first, no sort); several, rare, need a sort.
  if (filter.subscription !== undefined) {
    const { clause, params: values } = subscriptionCondition(subscriptionMatch ?? matchAsSent(filter.subscription));
    clauses.push(clause);
    params.push(...values);
  }
  return { clauses, params };
}

/** Whether the filter (text aside) narrows anything beyond endpoints, whose counts are kept exactly. */
export function onlyEndpoints(filter: NotificationFilter): boolean {
  return Object.entries(filter).every(([key, value]) => value === undefined || key === 'endpointIds' || (key === 'text' && value === ''));
}

export const where = (clauses: readonly string[]): string => (clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`);
