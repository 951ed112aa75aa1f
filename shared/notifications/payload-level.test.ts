import { describe, expect, it } from 'vitest';
import { isStubResource, levelOfEntries } from './payload-level';

describe('isStubResource', () => {
  it('accepts identity and references only', () => {
    expect(isStubResource({ resourceType: 'Patient' })).toBe(true);
    expect(isStubResource({ resourceType: 'Patient', id: 'p1', identifier: [{ value: '1' }], meta: { versionId: '2' } })).toBe(true);
    expect(isStubResource({ resourceType: 'Encounter', id: 'e1', subject: { reference: 'Patient/p1', display: 'Jan' } })).toBe(true);
    expect(isStubResource({ resourceType: 'Appointment', participant: [{ actor: { reference: 'Patient/p1' } }] })).toBe(false);
    expect(isStubResource({ resourceType: 'Encounter', status: 'arrived' })).toBe(false);
    expect(isStubResource({ resourceType: 'Encounter', subject: { display: 'no reference' } })).toBe(false);
    expect(isStubResource({ resourceType: 'Encounter', subject: [] })).toBe(false);
  });
});

describe('levelOfEntries', () => {
  const message = { anyResourceIsDetailed: false, hasFocus: false };
  const subscription = { anyResourceIsDetailed: true, hasFocus: false };
  const stub = { resource: { resourceType: 'Patient', id: 'p' } };
  const full = { resource: { resourceType: 'Patient', id: 'p', name: [{ family: 'X' }] } };
  const idOnly = { fullUrl: 'https://srv/Patient/p', request: { method: 'GET', url: 'Patient/p' } };

  it('reads Redox-style entries', () => {
    expect(levelOfEntries([stub, idOnly], message)).toBe('lightweight');
    expect(levelOfEntries([stub, full], message)).toBe('detailed');
    expect(levelOfEntries([], message)).toBe('empty');
    expect(levelOfEntries([{}], message)).toBe('empty');
    expect(levelOfEntries([], { ...message, hasFocus: true })).toBe('lightweight');
  });

  it('reads Subscriptions entries: any resource is full-resource', () => {
    expect(levelOfEntries([idOnly], subscription)).toBe('lightweight');
    expect(levelOfEntries([idOnly, stub], subscription)).toBe('detailed');
    expect(levelOfEntries([], subscription)).toBe('empty');
  });
});
