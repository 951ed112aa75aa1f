/**
 * FHIR Subscriptions notification examples written from the reference doc (B1, B2, B3, B7): the
 * R4 Backport (Parameters), R4B and R5 (SubscriptionStatus) encodings, each notification type.
 */

const statusRequest = { method: 'GET', url: 'https://srv/fhir/Subscription/sub1/$status' };
const topic = 'http://example.org/SubscriptionTopic/encounter-start';

const parametersStatus = (parameters: unknown[]) => ({
  fullUrl: 'urn:uuid:9e4b7c1a-0000-4000-8000-00000000aa01',
  request: statusRequest,
  response: { status: '200' },
  resource: {
    resourceType: 'Parameters',
    meta: { profile: ['http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4'] },
    parameter: parameters,
  },
});

const subscriptionParameter = { name: 'subscription', valueReference: { reference: 'https://srv/fhir/Subscription/sub1' } };

export const r4BackportEmpty = {
  resourceType: 'Bundle',
  type: 'history',
  timestamp: '2025-01-01T12:00:00Z',
  entry: [
    parametersStatus([
      subscriptionParameter,
      { name: 'status', valueCode: 'active' },
      { name: 'type', valueCode: 'event-notification' },
      { name: 'events-since-subscription-start', valueString: '7' },
      {
        name: 'notification-event',
        part: [
          { name: 'event-number', valueString: '7' },
          { name: 'timestamp', valueInstant: '2025-01-01T11:59:58Z' },
        ],
      },
    ]),
  ],
};

export const r4BackportIdOnly = {
  resourceType: 'Bundle',
  type: 'history',
  timestamp: '2025-01-01T12:00:00Z',
  entry: [
    parametersStatus([
      subscriptionParameter,
      { name: 'topic', valueCanonical: topic },
      { name: 'status', valueCode: 'active' },
      { name: 'type', valueCode: 'event-notification' },
      { name: 'events-since-subscription-start', valueString: '8' },
      {
        name: 'notification-event',
        part: [
          { name: 'event-number', valueString: '8' },
          { name: 'focus', valueReference: { reference: 'https://srv/fhir/Encounter/e1' } },
          { name: 'additional-context', valueReference: { reference: 'https://srv/fhir/Patient/p1' } },
        ],
      },
    ]),
    { fullUrl: 'https://srv/fhir/Encounter/e1', request: { method: 'PUT', url: 'Encounter/e1' } },
  ],
};

const encounterE1 = {
  resourceType: 'Encounter',
  id: 'e1',
  status: 'in-progress',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
  subject: { reference: 'Patient/p1' },
};

export const r4BackportFullResource = {
  ...r4BackportIdOnly,
  entry: [
    r4BackportIdOnly.entry[0],
    {
      fullUrl: 'https://srv/fhir/Encounter/e1',
      request: { method: 'PUT', url: 'Encounter/e1' },
      response: { status: '200' },
      resource: encounterE1,
    },
    {
      fullUrl: 'https://srv/fhir/Patient/p1',
      request: { method: 'GET', url: 'Patient/p1' },
      resource: {
        resourceType: 'Patient',
        id: 'p1',
        identifier: [{ system: 'http://hospital.example.org/mrn', value: 'MRN-00042' }],
        name: [{ family: 'Chalmers', given: ['Peter'] }],
        birthDate: '1974-12-25',
      },
    },
  ],
};

/** Two events in one notification (a server batching), numbers 9 and 10. */
export const r4BackportTwoEvents = {
  resourceType: 'Bundle',
  type: 'history',
  timestamp: '2025-01-01T12:05:00Z',
  entry: [
    parametersStatus([
      subscriptionParameter,
      { name: 'topic', valueCanonical: topic },
      { name: 'status', valueCode: 'active' },
      { name: 'type', valueCode: 'event-notification' },
      { name: 'events-since-subscription-start', valueString: '10' },
      {
        name: 'notification-event',
        part: [
          { name: 'event-number', valueString: '9' },
          { name: 'timestamp', valueInstant: '2025-01-01T12:04:00Z' },
          { name: 'focus', valueReference: { reference: 'https://srv/fhir/Encounter/e2' } },
        ],
      },
      {
        name: 'notification-event',
        part: [
          { name: 'event-number', valueString: '10' },
          { name: 'timestamp', valueInstant: '2025-01-01T12:04:30Z' },
          { name: 'focus', valueReference: { reference: 'https://srv/fhir/Encounter/e3' } },
        ],
      },
    ]),
    { fullUrl: 'https://srv/fhir/Encounter/e2', request: { method: 'POST', url: 'Encounter' } },
    { fullUrl: 'https://srv/fhir/Encounter/e3', request: { method: 'POST', url: 'Encounter' } },
  ],
};

export const r4BackportHandshake = {
  resourceType: 'Bundle',
  type: 'history',
  timestamp: '2025-01-01T09:00:00Z',
  entry: [
    parametersStatus([
      subscriptionParameter,
      { name: 'topic', valueCanonical: topic },
      { name: 'status', valueCode: 'requested' },
      { name: 'type', valueCode: 'handshake' },
      { name: 'events-since-subscription-start', valueString: '0' },
    ]),
  ],
};

export const r4BackportHeartbeatWithError = {
  resourceType: 'Bundle',
  type: 'history',
  timestamp: '2025-01-01T13:00:00Z',
  entry: [
    parametersStatus([
      subscriptionParameter,
      { name: 'status', valueCode: 'error' },
      { name: 'type', valueCode: 'heartbeat' },
      { name: 'events-since-subscription-start', valueString: '12' },
      {
        name: 'error',
        valueCodeableConcept: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscription-error', code: 'no-response', display: 'No Response' }],
        },
      },
    ]),
  ],
};

const statusResource = (fields: Record<string, unknown>) => ({
  resourceType: 'SubscriptionStatus',
  status: 'active',
  type: 'event-notification',
  subscription: { reference: 'https://srv/fhir/Subscription/sub1' },
  topic,
  ...fields,
});

/** R4B: a history Bundle headed by a SubscriptionStatus, full-resource. */
export const r4bFullResource = {
  resourceType: 'Bundle',
  type: 'history',
  timestamp: '2025-01-01T12:00:00Z',
  entry: [
    {
      fullUrl: 'urn:uuid:9e4b7c1a-0000-4000-8000-00000000bb01',
      request: statusRequest,
      response: { status: '200' },
      resource: statusResource({
        eventsSinceSubscriptionStart: '8',
        notificationEvent: [
          { eventNumber: '8', timestamp: '2025-01-01T11:59:59Z', focus: { reference: 'https://srv/fhir/Encounter/e1' } },
        ],
      }),
    },
    { fullUrl: 'https://srv/fhir/Encounter/e1', request: { method: 'PUT', url: 'Encounter/e1' }, resource: encounterE1 },
  ],
};

/** R5 id-only, exactly the B7 skeleton. */
export const r5IdOnly = {
  resourceType: 'Bundle',
  type: 'subscription-notification',
  timestamp: '2025-01-01T12:00:00Z',
  entry: [
    {
      fullUrl: 'urn:uuid:9e4b7c1a-0000-4000-8000-00000000cc01',
      resource: statusResource({
        eventsSinceSubscriptionStart: '8',
        notificationEvent: [
          {
            eventNumber: '8',
            focus: { reference: 'https://srv/fhir/Encounter/e1' },
            additionalContext: [{ reference: 'https://srv/fhir/Patient/p1' }],
          },
        ],
      }),
    },
    { fullUrl: 'https://srv/fhir/Encounter/e1' },
  ],
};

export const r5Heartbeat = {
  resourceType: 'Bundle',
  type: 'subscription-notification',
  timestamp: '2025-01-01T12:30:00Z',
  entry: [{ fullUrl: 'urn:uuid:hb', resource: statusResource({ type: 'heartbeat', topic: undefined, eventsSinceSubscriptionStart: '8' }) }],
};

/** The R5 FHIR messaging channel: a message Bundle whose focus is the notification Bundle. */
export const r5MessagingWrapper = {
  resourceType: 'Bundle',
  type: 'message',
  timestamp: '2025-01-01T12:00:01Z',
  entry: [
    {
      fullUrl: 'urn:uuid:msg-header',
      resource: {
        resourceType: 'MessageHeader',
        eventCoding: { system: 'http://hl7.org/fhir/message-events', code: 'subscription-notification' },
        source: { name: 'Example FHIR Server', endpoint: 'https://srv/fhir' },
        focus: [{ reference: 'urn:uuid:inner-notification' }],
      },
    },
    {
      fullUrl: 'urn:uuid:inner-notification',
      resource: {
        resourceType: 'Bundle',
        type: 'subscription-notification',
        timestamp: '2025-01-01T12:00:00Z',
        entry: [
          {
            fullUrl: 'urn:uuid:status',
            resource: statusResource({
              eventsSinceSubscriptionStart: '3',
              notificationEvent: [{ eventNumber: '3', focus: { reference: 'https://srv/fhir/Encounter/e1' } }],
            }),
          },
          { fullUrl: 'https://srv/fhir/Encounter/e1', resource: encounterE1 },
        ],
      },
    },
  ],
};

/** A `$status` result: a searchset with one status per subscription (query-status). */
export const statusSearchset = {
  resourceType: 'Bundle',
  type: 'searchset',
  timestamp: '2025-01-01T14:00:00Z',
  entry: [
    {
      fullUrl: 'urn:uuid:st1',
      resource: statusResource({ type: 'query-status', eventsSinceSubscriptionStart: '12' }),
      search: { mode: 'match' },
    },
    {
      fullUrl: 'urn:uuid:st2',
      resource: statusResource({ type: 'query-status', subscription: { reference: 'Subscription/sub2' }, eventsSinceSubscriptionStart: '1' }),
      search: { mode: 'match' },
    },
  ],
};

/** A `$events` result: a history Bundle of type query-event, replaying event 11. */
export const r4bQueryEvent = {
  resourceType: 'Bundle',
  type: 'history',
  timestamp: '2025-01-01T14:01:00Z',
  entry: [
    {
      fullUrl: 'urn:uuid:qe',
      request: { method: 'GET', url: 'https://srv/fhir/Subscription/sub1/$events?eventsSinceNumber=11&eventsUntilNumber=11' },
      response: { status: '200' },
      resource: statusResource({
        type: 'query-event',
        eventsSinceSubscriptionStart: '12',
        notificationEvent: [{ eventNumber: '11', focus: { reference: 'https://srv/fhir/Encounter/e9' } }],
      }),
    },
    { fullUrl: 'https://srv/fhir/Encounter/e9', request: { method: 'GET', url: 'Encounter/e9' } },
  ],
};
