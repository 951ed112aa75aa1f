import { describe, expect, it } from 'vitest';
import { redoxArrivedDetailed, redoxArrivedLightweight, redoxBookedOldStyle, redoxResultDetailed } from './__fixtures__/redox';
import {
  r4BackportEmpty,
  r4BackportFullResource,
  r4BackportHandshake,
  r4BackportHeartbeatWithError,
  r4BackportIdOnly,
  r4BackportTwoEvents,
  r4bFullResource,
  r4bQueryEvent,
  r5Heartbeat,
  r5IdOnly,
  r5MessagingWrapper,
  statusSearchset,
} from './__fixtures__/subscriptions';
import { deriveNotificationFacts } from './derive-facts';

/** Round-trips through JSON text, as the receiver does: fixtures then hold only what JSON can. */
const facts = (body: unknown) => deriveNotificationFacts(JSON.parse(JSON.stringify(body)));

describe('Redox message Bundles', () => {
  it('reads a detailed PatientAdminPatientArrived completely', () => {
    expect(facts(redoxArrivedDetailed)).toEqual({
      format: 'redox-message',
      event: {
        code: 'PatientAdminPatientArrived',
        uri: 'https://fhir.redoxengine.com/EventDefinition/PatientAdminPatientArrived',
        label: 'Patient arrived',
      },
      category: 'administrative',
      payloadLevel: 'detailed',
      resourceTypes: ['Bundle', 'MessageHeader', 'Patient', 'Encounter', 'Location'],
      patientIdentifiers: [
        { system: 'urn:redox:example:MR', value: '123' },
        { system: 'http://hl7.org/fhir/sid/us-ssn', value: '999-99-9999' },
      ],
      patientReferences: ['Patient/p1'],
      focusReferences: ['Patient/p1', 'Encounter/e1'],
      source: 'Example Health',
      subscription: null,
      timestamp: '2025-01-01T12:00:00Z',
    });
  });

  it('calls stubs that only carry type, id, identifier and references lightweight', () => {
    const result = facts(redoxArrivedLightweight);
    expect(result.format).toBe('redox-message');
    expect(result.payloadLevel).toBe('lightweight');
    expect(result.patientIdentifiers).toEqual([{ system: 'urn:redox:example:MR', value: '123' }]);
    expect(result.event?.label).toBe('Patient arrived');
  });

  it('reads the older eventCoding style and an identifier found only in the fullUrl, value first', () => {
    const result = facts(redoxBookedOldStyle);
    expect(result.format).toBe('redox-message');
    expect(result.event).toEqual({ code: 'Scheduling-event-appointment-booked', uri: null, label: 'Appointment booked' });
    expect(result.category).toBe('administrative');
    expect(result.payloadLevel).toBe('lightweight');
    expect(result.patientIdentifiers).toEqual([{ system: 'urn:redox:example:MR', value: '0000123' }]);
    expect(result.patientReferences).toEqual([]);
    expect(result.source).toBe('urn:uuid:b6a3d5e2-0000-4000-8000-000000000001');
    expect(result.focusReferences).toEqual(['Appointment/a1']);
  });

  it('reads a result with a logical patient reference (absolute URL plus identifier)', () => {
    const result = facts(redoxResultDetailed);
    expect(result.event?.label).toBe('Result created');
    expect(result.category).toBe('clinical');
    expect(result.payloadLevel).toBe('detailed');
    expect(result.patientReferences).toEqual(['Patient/p9']);
    expect(result.patientIdentifiers).toEqual([{ system: 'urn:redox:example:MR', value: '456' }]);
  });

  it('calls a message Bundle with only its header empty, or lightweight when the header has a focus', () => {
    const header = { resourceType: 'MessageHeader', eventUri: 'https://fhir.redoxengine.com/EventDefinition/PatientAdminPatientUpdated' };
    expect(facts({ resourceType: 'Bundle', type: 'message', entry: [{ resource: header }] }).payloadLevel).toBe('empty');
    const withFocus = { ...header, focus: [{ reference: 'Patient/p1' }] };
    expect(facts({ resourceType: 'Bundle', type: 'message', entry: [{ resource: withFocus }] }).payloadLevel).toBe('lightweight');
  });

  it('treats a message with a non-Redox event as a plain FHIR message, still naming the event', () => {
    const result = facts({
      resourceType: 'Bundle',
      type: 'message',
      entry: [
        {
          resource: {
            resourceType: 'MessageHeader',
            eventCoding: { system: 'http://example.org/events', code: 'admin-notify' },
            source: { software: 'Acme EHR', endpoint: 'https://acme.example/fhir' },
          },
        },
        { resource: { resourceType: 'Patient', id: 'x', name: [{ family: 'Roe' }] } },
      ],
    });
    expect(result.format).toBe('fhir-message');
    expect(result.event).toEqual({ code: 'admin-notify', uri: null, label: 'Admin notify' });
    expect(result.category).toBe('unknown');
    expect(result.source).toBe('https://acme.example/fhir');
    expect(result.payloadLevel).toBe('detailed');
  });

  it('names and categorises events the catalogue lacks from their own words', () => {
    const result = facts({
      resourceType: 'Bundle',
      type: 'message',
      entry: [{ resource: { resourceType: 'MessageHeader', eventUri: 'https://fhir.redoxengine.com/EventDefinition/FinancialClaimSubmitted' } }],
    });
    expect(result.format).toBe('redox-message');
    expect(result.event?.label).toBe('Financial claim submitted');
    expect(result.category).toBe('financial');
  });
});

describe('FHIR Subscriptions, R4 Backport (Parameters)', () => {
  it('reads an empty event-notification', () => {
    expect(facts(r4BackportEmpty)).toMatchObject({
      format: 'subscription-r4-backport',
      event: null,
      category: 'unknown',
      payloadLevel: 'empty',
      focusReferences: [],
      timestamp: '2025-01-01T12:00:00Z',
      subscription: {
        reference: 'https://srv/fhir/Subscription/sub1',
        topic: null,
        status: 'active',
        type: 'event-notification',
        eventsSinceStart: 7,
        eventNumbers: [7],
        errors: [],
      },
    });
  });

  it('reads an id-only event-notification with its topic, focus and patient context', () => {
    const result = facts(r4BackportIdOnly);
    expect(result.payloadLevel).toBe('lightweight');
    expect(result.event).toEqual({
      code: 'encounter-start',
      uri: 'http://example.org/SubscriptionTopic/encounter-start',
      label: 'Patient arrived',
    });
    expect(result.category).toBe('administrative');
    expect(result.focusReferences).toEqual(['https://srv/fhir/Encounter/e1']);
    expect(result.patientReferences).toEqual(['Patient/p1']);
    expect(result.subscription?.eventNumbers).toEqual([8]);
  });

  it('reads a full-resource notification as detailed, with the patient identifiers', () => {
    const result = facts(r4BackportFullResource);
    expect(result.payloadLevel).toBe('detailed');
    expect(result.resourceTypes).toEqual(['Bundle', 'Parameters', 'Encounter', 'Patient']);
    expect(result.patientIdentifiers).toEqual([{ system: 'http://hospital.example.org/mrn', value: 'MRN-00042' }]);
  });

  it('reads several events in one notification, in order', () => {
    const result = facts(r4BackportTwoEvents);
    expect(result.subscription?.eventNumbers).toEqual([9, 10]);
    expect(result.subscription?.eventsSinceStart).toBe(10);
    expect(result.focusReferences).toEqual(['https://srv/fhir/Encounter/e2', 'https://srv/fhir/Encounter/e3']);
  });

  it('names a handshake after its type, not after its topic', () => {
    const result = facts(r4BackportHandshake);
    expect(result.event).toEqual({ code: 'handshake', uri: null, label: 'Subscription handshake' });
    expect(result.payloadLevel).toBe('empty');
    expect(result.subscription).toMatchObject({ type: 'handshake', status: 'requested', eventsSinceStart: 0, eventNumbers: [] });
    expect(result.subscription?.topic).toBe('http://example.org/SubscriptionTopic/encounter-start');
  });

  it('reads a heartbeat that reports an error', () => {
    const result = facts(r4BackportHeartbeatWithError);
    expect(result.event?.label).toBe('Subscription heartbeat');
    expect(result.subscription).toMatchObject({ type: 'heartbeat', status: 'error', eventsSinceStart: 12, errors: ['No Response'] });
  });
});

describe('FHIR Subscriptions, R4B and R5 (SubscriptionStatus)', () => {
  it('reads an R4B history Bundle', () => {
    const result = facts(r4bFullResource);
    expect(result.format).toBe('subscription-r4b');
    expect(result.payloadLevel).toBe('detailed');
    expect(result.subscription?.eventNumbers).toEqual([8]);
    expect(result.focusReferences).toEqual(['https://srv/fhir/Encounter/e1']);
    expect(result.patientReferences).toEqual(['Patient/p1']);
  });

  it('reads the R5 id-only skeleton', () => {
    const result = facts(r5IdOnly);
    expect(result).toMatchObject({
      format: 'subscription-r5',
      payloadLevel: 'lightweight',
      category: 'administrative',
      focusReferences: ['https://srv/fhir/Encounter/e1'],
      patientReferences: ['Patient/p1'],
      subscription: { reference: 'https://srv/fhir/Subscription/sub1', type: 'event-notification', eventsSinceStart: 8, eventNumbers: [8] },
    });
  });

  it('reads an R5 heartbeat', () => {
    const result = facts(r5Heartbeat);
    expect(result.payloadLevel).toBe('empty');
    expect(result.subscription).toMatchObject({ type: 'heartbeat', eventsSinceStart: 8, topic: null });
  });

  it('unwraps the R5 messaging channel: the message header gives the sender, the inner Bundle the rest', () => {
    const result = facts(r5MessagingWrapper);
    expect(result).toMatchObject({
      format: 'fhir-message',
      event: { code: 'encounter-start', label: 'Patient arrived' },
      category: 'administrative',
      payloadLevel: 'detailed',
      source: 'Example FHIR Server',
      focusReferences: ['https://srv/fhir/Encounter/e1'],
      timestamp: '2025-01-01T12:00:01Z',
      subscription: { type: 'event-notification', eventNumbers: [3] },
    });
  });

  it('reads a $status searchset as a Bundle carrying the first subscription status', () => {
    const result = facts(statusSearchset);
    expect(result.format).toBe('bundle');
    expect(result.payloadLevel).toBe('empty');
    expect(result.event?.code).toBe('query-status');
    expect(result.subscription).toMatchObject({ type: 'query-status', eventsSinceStart: 12 });
  });

  it('reads a $events result (query-event) like a notification', () => {
    const result = facts(r4bQueryEvent);
    expect(result.format).toBe('subscription-r4b');
    expect(result.subscription).toMatchObject({ type: 'query-event', eventNumbers: [11] });
    expect(result.event?.label).toBe('Patient arrived');
    expect(result.payloadLevel).toBe('lightweight');
  });
});

describe('other bodies', () => {
  it('reads a bare resource', () => {
    expect(facts({ resourceType: 'Patient', id: 'p7', identifier: [{ value: 'A1' }], name: [{ family: 'Xu' }] })).toEqual({
      format: 'resource',
      event: null,
      category: 'unknown',
      payloadLevel: 'detailed',
      resourceTypes: ['Patient'],
      patientIdentifiers: [{ system: null, value: 'A1' }],
      patientReferences: ['Patient/p7'],
      focusReferences: [],
      source: null,
      subscription: null,
      timestamp: null,
    });
    expect(facts({ resourceType: 'Observation', id: 'o1' }).payloadLevel).toBe('lightweight');
  });

  it('reads a collection Bundle', () => {
    const result = facts({
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: '2025-03-01T00:00:00Z',
      entry: [
        { resource: { resourceType: 'Observation', status: 'final', subject: { reference: 'Patient/p3' } } },
        { resource: { resourceType: 'Patient', id: 'p3' } },
      ],
    });
    expect(result).toMatchObject({
      format: 'bundle',
      payloadLevel: 'detailed',
      resourceTypes: ['Bundle', 'Observation', 'Patient'],
      patientReferences: ['Patient/p3'],
      timestamp: '2025-03-01T00:00:00Z',
      subscription: null,
    });
    expect(facts({ resourceType: 'Bundle', type: 'searchset', total: 0 }).payloadLevel).toBe('empty');
  });

  it('finds nothing in JSON that is not FHIR', () => {
    for (const body of [{ hello: 'world' }, [1, 2], 'text', 42, null, true, { resourceType: 7 }, { resourceType: '  ' }]) {
      expect(facts(body)).toMatchObject({ format: 'not-fhir', event: null, payloadLevel: 'unknown', subscription: null });
    }
    expect(deriveNotificationFacts(undefined).format).toBe('not-fhir');
  });
});

describe('malformed shapes', () => {
  it('survives wrong types everywhere', () => {
    const bodies: unknown[] = [
      { resourceType: 'Bundle', type: 'message', entry: 'nope' },
      { resourceType: 'Bundle', type: 'message', entry: [null, 1, { resource: 'x' }, { resource: { resourceType: 'MessageHeader', eventUri: 5, focus: 'Patient/1', source: [] } }] },
      { resourceType: 'Bundle', type: 'history', entry: [{ resource: { resourceType: 'Parameters', parameter: { name: 'subscription', valueReference: 'x' } } }] },
      { resourceType: 'Bundle', type: 'subscription-notification', entry: [{ resource: { resourceType: 'SubscriptionStatus', notificationEvent: 'x', error: [{}, 3] } }] },
      { resourceType: 'Bundle', type: 7, entry: {} },
      { resourceType: 'Patient', identifier: 'MRN', id: 12 },
      { resourceType: 'Bundle', entry: [{ fullUrl: 'Patient?identifier=%E0%A4%A', resource: { resourceType: 'Patient' } }] },
    ];
    for (const body of bodies) expect(() => facts(body)).not.toThrow();
  });

  it('reads numbers sent as numbers, and ignores numbers that are not numbers', () => {
    const result = facts({
      resourceType: 'Bundle',
      type: 'subscription-notification',
      entry: [
        {
          resource: {
            resourceType: 'SubscriptionStatus',
            type: 'event-notification',
            eventsSinceSubscriptionStart: 14,
            notificationEvent: [{ eventNumber: 'fourteen' }, { eventNumber: 13 }, { eventNumber: '-1' }, { eventNumber: '14' }],
            subscription: 'Subscription/s9',
          },
        },
      ],
    });
    expect(result.subscription).toMatchObject({ reference: 'Subscription/s9', eventsSinceStart: 14, eventNumbers: [13, 14] });
  });

  it('reads a lone object where an array belongs, and ignores an unknown notification type', () => {
    const result = facts({
      resourceType: 'Bundle',
      type: 'history',
      entry: {
        resource: {
          resourceType: 'Parameters',
          parameter: [
            { name: 'subscription', valueReference: { reference: 'Subscription/s1' } },
            { name: 'type', valueCode: 'surprise' },
            { name: 'notification-event', part: { name: 'event-number', valueInteger: 3 } },
          ],
        },
      },
    });
    expect(result.format).toBe('subscription-r4-backport');
    expect(result.subscription).toMatchObject({ type: null, eventNumbers: [3] });
  });

  it('survives very deep nesting and shared or cyclic objects', () => {
    let deep: unknown = { resourceType: 'Observation' };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(deriveNotificationFacts(deep).resourceTypes).toEqual(['Observation']);
    const cyclic: Record<string, unknown> = { resourceType: 'Patient', id: 'c' };
    cyclic.self = cyclic;
    expect(deriveNotificationFacts(cyclic).resourceTypes).toEqual(['Patient']);
  });

  it('returns not-fhir instead of throwing on objects whose getters throw', () => {
    const hostile = {
      get resourceType(): string {
        throw new Error('boom');
      },
    };
    expect(deriveNotificationFacts(hostile).format).toBe('not-fhir');
  });

  it('stays fast on a large body', () => {
    const entry = Array.from({ length: 20_000 }, (_, i) => ({
      fullUrl: `https://srv/fhir/Observation/o${i}`,
      resource: {
        resourceType: 'Observation',
        id: `o${i}`,
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
        subject: { reference: `Patient/p${i % 50}` },
        valueQuantity: { value: i, unit: '/min' },
      },
    }));
    const body = JSON.parse(JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }));
    // How fast is the ingest benchmark's business; here: a large Bundle is read whole and correctly.
    const result = deriveNotificationFacts(body);
    expect(result.patientReferences).toHaveLength(50);
  });
});
