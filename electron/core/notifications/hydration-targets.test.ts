import { describe, expect, it } from 'vitest';
import { hydrationTargets } from './hydration-targets';

describe('hydrationTargets', () => {
  it('follows focus references and stub entries of a Redox lightweight notification', () => {
    const body = {
      resourceType: 'Bundle',
      type: 'message',
      entry: [
        { resource: { resourceType: 'MessageHeader', focus: [{ reference: 'Patient/p1' }] } },
        {
          fullUrl: 'https://api.redoxengine.com/fhir/R4/acme/Development/Patient?identifier=urn:redox:acme:MR|123',
          resource: { resourceType: 'Patient', identifier: [{ system: 'urn:redox:acme:MR', value: '123' }] },
        },
        { fullUrl: 'https://api.redoxengine.com/fhir/R4/acme/Development/Encounter/e9', resource: { resourceType: 'Encounter', id: 'e9' } },
        { fullUrl: 'https://x/Observation/full', resource: { resourceType: 'Observation', id: 'full', status: 'final' } },
      ],
    };
    expect(hydrationTargets(body, { focusReferences: ['Patient/p1', 'Encounter/e9'], patientReferences: ['Patient/p1'] }).map((t) => t.path)).toEqual([
      'Patient/p1',
      'Encounter/e9',
      'Patient?identifier=urn:redox:acme:MR|123',
    ]);
  });

  it('follows the request URLs of id-only Subscriptions entries, not the $status entry', () => {
    const body = {
      resourceType: 'Bundle',
      type: 'history',
      entry: [
        { fullUrl: 'urn:uuid:1', request: { method: 'GET', url: 'https://fhir.example/Subscription/s1/$status' }, resource: { resourceType: 'Parameters' } },
        { fullUrl: 'https://fhir.example/Encounter/86009987', request: { method: 'PUT', url: 'Encounter/86009987' } },
      ],
    };
    expect(hydrationTargets(body, { focusReferences: [], patientReferences: [] }).map((t) => t.path)).toEqual(['Encounter/86009987']);
  });

  it('skips what the body already carries in full', () => {
    const body = { resourceType: 'Patient', id: 'x', name: [{ family: 'Full' }], birthDate: '1970-01-01' };
    expect(hydrationTargets(body, { focusReferences: [], patientReferences: ['Patient/x'] })).toEqual([]);
  });

  it('skips bundle-internal and contained references', () => {
    expect(hydrationTargets({}, { focusReferences: ['urn:uuid:abc', '#c1'], patientReferences: [] })).toEqual([]);
  });
});
