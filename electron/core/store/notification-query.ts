import type { SQLInputValue } from 'node:sqlite';
import type { NotificationFilter } from '../../../shared/contract';
import { TermKind } from './notification-terms';

/** A WHERE clause over `notifications n`, built from a filter with bound parameters only. */
export interface Conditions {
  clauses: string[];
  params: SQLInputValue[];
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * Filter → SQL. Every clause is shaped so an index of migration 5 can serve it: equality or IN on
 * an `(x, id)` index, the exact expression of a partial index (`is_read = 0`…), or `n.id IN` a
 * walk of `notification_terms` by its primary key. Text search is not here: it is driven from the
 * FTS index first (see NotificationQueries).
 */
export function filterConditions(filter: NotificationFilter): Conditions {
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
  if (filter.receivedFrom !== undefined) {
    clauses.push('n.received_at >= ?');
    params.push(Date.parse(filter.receivedFrom));
  }
  if (filter.receivedTo !== undefined) {
    clauses.push('n.received_at < ?');
    params.push(Date.parse(filter.receivedTo));
  }
  inList('n.endpoint_id', filter.endpointIds);
  inList('n.event', filter.events);
  inList('n.category', filter.categories);
  inList('n.payload_level', filter.payloadLevels);
  inList('n.verification', filter.verifications);
  if (filter.parseStatuses !== undefined) {
    inList('n.parse_status', filter.parseStatuses);
    // Lets the partial index of parse problems serve the common "only the broken ones" filter.
    if (filter.parseStatuses.length > 0 && !filter.parseStatuses.includes('ok')) clauses.push("n.parse_status <> 'ok'");
  }
  if (filter.resourceTypes !== undefined) {
    if (filter.resourceTypes.length === 0) clauses.push('0');
    else {
      clauses.push(
        `n.id IN (SELECT notification_id FROM notification_terms WHERE kind = ${TermKind.resourceType} AND value IN (${placeholders(filter.resourceTypes.length)}))`,
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
  if (filter.subscription !== undefined) {
    clauses.push('n.subscription_ref = ?');
    params.push(filter.subscription);
  }
  return { clauses, params };
}

/** Whether the filter (text aside) narrows anything beyond endpoints, whose counts are kept exactly. */
export function onlyEndpoints(filter: NotificationFilter): boolean {
  return Object.entries(filter).every(([key, value]) => value === undefined || key === 'endpointIds' || (key === 'text' && value === ''));
}

export const where = (clauses: readonly string[]): string => (clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`);
