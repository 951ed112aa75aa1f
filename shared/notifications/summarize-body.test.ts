import { describe, expect, it } from 'vitest';
import { senderName } from './sender-name';
import { summarizeBody } from './summarize-body';

const redoxArrived = {
  resourceType: 'Bundle',
  type: 'message',
  timestamp: '2025-01-01T12:00:00Z',
  entry: [
    {
      resource: {
        resourceType: 'MessageHeader',
        eventUri: 'https://fhir.redoxengine.com/EventDefinition/PatientAdminPatientArrived',
        source: { name: 'Example Health', endpoint: '6e3c0a1e' },
        focus: [{ reference: 'Patient/p1' }, { reference: 'Encounter/e1' }],
      },
    },
    { resource: { resourceType: 'Patient', id: 'p1' } },
    { resource: { resourceType: 'Encounter', id: 'e1', contained: [{ resourceType: 'Location' }] } },
    { resource: { resourceType: 'Patient', id: 'p2' } },
  ],
};

describe('summarizeBody', () => {
  it('reads event, source and resource types from a Redox message Bundle', () => {
    expect(summarizeBody(redoxArrived)).toEqual({
      resourceTypes: ['Bundle', 'MessageHeader', 'Patient', 'Encounter', 'Location'],
      source: 'Example Health',
      event: 'PatientAdminPatientArrived',
    });
  });

  it('falls back to the older eventCoding style and the source endpoint', () => {
    const facts = summarizeBody({
      resourceType: 'Bundle',
      entry: [
        {
          resource: {
            resourceType: 'MessageHeader',
            eventCoding: { system: 'urn:redox:event-type', code: 'Scheduling-event-appointment-booked' },
            source: { endpoint: 'urn:uuid:abc' },
          },
        },
      ],
    });
    expect(facts.event).toBe('Scheduling-event-appointment-booked');
    expect(facts.source).toBe('urn:uuid:abc');
  });

  it('finds nothing in JSON that is not FHIR, without failing', () => {
    expect(summarizeBody({ hello: 'world', list: [1, null, 'x'] })).toEqual({
      resourceTypes: [],
      source: null,
      event: null,
    });
    expect(summarizeBody(42)).toEqual({ resourceTypes: [], source: null, event: null });
  });

  it('survives very deep nesting', () => {
    let deep: unknown = { resourceType: 'Observation' };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(summarizeBody(deep).resourceTypes).toEqual(['Observation']);
  });
});

describe('senderName', () => {
  it('prefers application-name, then user-agent, then the address', () => {
    expect(senderName([['Application-Name', 'RedoxEngine'], ['User-Agent', 'curl/8']], '1.2.3.4')).toBe(
      'RedoxEngine',
    );
    expect(senderName([['user-agent', 'curl/8']], '1.2.3.4')).toBe('curl/8');
    expect(senderName([], '127.0.0.1')).toBe('127.0.0.1');
  });
});
