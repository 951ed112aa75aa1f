import { describe, expect, it } from 'vitest';
import { scopedKey, subscriptionKey, unscopedKey } from './subscription-key';

describe('subscriptionKey', () => {
  it('keeps the server base of an absolute reference, normalised', () => {
    const key = { key: 'https://ehr.example/fhir/Subscription/1', id: '1', absolute: true };
    expect(subscriptionKey('https://ehr.example/fhir/Subscription/1')).toEqual(key);
    expect(subscriptionKey('HTTPS://EHR.example:443/fhir/Subscription/1/')).toEqual(key);
    expect(subscriptionKey(' https://ehr.example/fhir/Subscription/1/_history/3 ')).toEqual(key);
    expect(subscriptionKey('http://localhost:8080/Subscription/9').key).toBe('http://localhost:8080/Subscription/9');
  });

  it('tells two servers with the same id apart', () => {
    expect(subscriptionKey('https://a.example/fhir/Subscription/1').key).not.toBe(subscriptionKey('https://b.example/fhir/Subscription/1').key);
    // The path is part of the base: one host can serve several FHIR endpoints.
    expect(subscriptionKey('https://a.example/r4/Subscription/1').key).not.toBe(subscriptionKey('https://a.example/r5/Subscription/1').key);
  });

  it('reduces a relative reference to Subscription/<id>', () => {
    expect(subscriptionKey('Subscription/sub-1')).toEqual({ key: 'Subscription/sub-1', id: 'sub-1', absolute: false });
    expect(subscriptionKey('Subscription/sub-1/_history/2').key).toBe('Subscription/sub-1');
  });

  it('scopes a key by endpoint, and reads back the reference without the scope', () => {
    expect(scopedKey(2, 'Subscription/1')).toBe('endpoint/2/Subscription/1');
    expect(scopedKey(2, 'Subscription/1')).not.toBe(scopedKey(3, 'Subscription/1'));
    expect(unscopedKey(scopedKey(2, 'Subscription/1'))).toBe('Subscription/1');
    expect(unscopedKey(scopedKey(null, 'urn:uuid:x'))).toBe('urn:uuid:x');
    // Only one scope comes off, whatever the reference itself looks like.
    expect(unscopedKey(scopedKey(2, 'endpoint/3/x'))).toBe('endpoint/3/x');
    expect(unscopedKey('https://ehr.example/fhir/Subscription/1')).toBe('https://ehr.example/fhir/Subscription/1');
    // The scoped key still names the same id.
    expect(subscriptionKey(scopedKey(2, 'Subscription/1')).id).toBe('1');
  });

  it('leaves anything that does not name a Subscription as sent', () => {
    expect(subscriptionKey('urn:uuid:x')).toEqual({ key: 'urn:uuid:x', id: null, absolute: false });
    expect(subscriptionKey('Patient/1')).toEqual({ key: 'Patient/1', id: null, absolute: false });
  });
});
