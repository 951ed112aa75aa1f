/**
 * An R4 Backport subscription notification (history Bundle, status in Parameters) as a sender
 * would POST it, for tests that drive the receiver: one per call, numbered as the test says.
 */
export function backportNotification(options: {
  type: string;
  /** events-since-subscription-start */
  counter: number;
  events: readonly number[];
  reference: string;
  /** The status entry's request URL; by default `<reference>/$status`. */
  statusUrl?: string;
}): string {
  const { type, counter, events, reference } = options;
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'history',
    timestamp: '2026-11-26T12:00:00Z',
    entry: [
      {
        fullUrl: 'urn:uuid:status',
        request: { method: 'GET', url: options.statusUrl ?? `${reference}/$status` },
        response: { status: '200' },
        resource: {
          resourceType: 'Parameters',
          meta: { profile: ['http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4'] },
          parameter: [
            { name: 'subscription', valueReference: { reference } },
            { name: 'topic', valueCanonical: 'http://example.org/SubscriptionTopic/encounter-start' },
            { name: 'status', valueCode: type === 'handshake' ? 'requested' : 'active' },
            { name: 'type', valueCode: type },
            { name: 'events-since-subscription-start', valueString: String(counter) },
            ...events.map((n) => ({
              name: 'notification-event',
              part: [
                { name: 'event-number', valueString: String(n) },
                { name: 'focus', valueReference: { reference: `Encounter/e${n}` } },
              ],
            })),
          ],
        },
      },
    ],
  });
}
