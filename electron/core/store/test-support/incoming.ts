import { deriveNotificationFacts } from '../../../../shared/notifications/derive-facts';
import type { IncomingNotification } from '../notification-types';

/** A Redox-style message Bundle about one patient, as a sender would post it. */
export function patientMessage(mrn: string, words = ''): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'message',
    entry: [
      { resource: { resourceType: 'MessageHeader', eventUri: 'https://fhir.redoxengine.com/EventDefinition/ResultCreated', source: { name: 'Lab' } } },
      { resource: { resourceType: 'Patient', id: mrn, identifier: [{ system: 'urn:mrn', value: mrn }] } },
      { resource: { resourceType: 'Observation', status: 'final', note: [{ text: words }] } },
    ],
  });
}

/** What the receiver hands the store for a JSON body, facts derived as at receipt. */
export function incomingJson(body: string, receivedAt = Date.UTC(2026, 10, 26, 12)): IncomingNotification {
  return {
    receivedAt,
    endpointId: 1,
    endpointPath: '/webhook',
    method: 'POST',
    remoteAddress: '127.0.0.1',
    headers: [['content-type', 'application/json']],
    contentType: 'application/json',
    body: new TextEncoder().encode(body),
    parseStatus: 'ok',
    parseError: null,
    verification: 'none',
    source: null,
    facts: deriveNotificationFacts(JSON.parse(body) as unknown),
  };
}
