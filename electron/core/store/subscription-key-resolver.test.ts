import { describe, expect, it } from 'vitest';
import { subscriptionKey } from '../../../shared/notifications/subscription-key';
import { resolveKey, type StoredKey } from './subscription-key-resolver';

const A = 'https://a.example/fhir/Subscription/1';
const B = 'https://b.example/fhir/Subscription/1';
const resolve = (sent: string, endpointId: number | null, stored: StoredKey[]) => resolveKey(subscriptionKey(sent), endpointId, stored);

describe('resolveKey', () => {
  it('joins a relative reference to the one absolute key with its id on its endpoint', () => {
    expect(resolve('Subscription/1', 1, [{ reference: A, endpointId: 1 }])).toEqual({ key: A, fold: null });
    expect(resolve('Subscription/1/_history/4', 1, [{ reference: A, endpointId: 1 }])).toEqual({ key: A, fold: null });
  });

  it('keeps a relative reference apart when its endpoint has no absolute key, or several', () => {
    expect(resolve('Subscription/1', 1, [])).toEqual({ key: 'Subscription/1', fold: null });
    expect(resolve('Subscription/1', 2, [{ reference: A, endpointId: 1 }])).toEqual({ key: 'Subscription/1', fold: null });
    const both = [
      { reference: A, endpointId: 1 },
      { reference: B, endpointId: 1 },
    ];
    expect(resolve('Subscription/1', 1, both)).toEqual({ key: 'Subscription/1', fold: null });
  });

  it('has an absolute reference take over the relative state of its endpoint, unless another server has the id there', () => {
    const relative = { reference: 'Subscription/1', endpointId: 1 };
    expect(resolve(A, 1, [relative])).toEqual({ key: A, fold: 'Subscription/1' });
    expect(resolve(A, 1, [relative, { reference: A, endpointId: 1 }])).toEqual({ key: A, fold: 'Subscription/1' });
    expect(resolve(A, 1, [relative, { reference: B, endpointId: 1 }])).toEqual({ key: A, fold: null });
    expect(resolve(A, 2, [relative])).toEqual({ key: A, fold: null });
  });

  it('keeps two servers with the same id apart', () => {
    expect(resolve(B, 1, [{ reference: A, endpointId: 1 }])).toEqual({ key: B, fold: null });
  });

  it('does not mistake a longer id for the same one', () => {
    expect(resolve('Subscription/1', 1, [{ reference: 'https://a.example/fhir/Subscription/11', endpointId: 1 }]).key).toBe('Subscription/1');
  });

  it('leaves a reference that names no Subscription as it is', () => {
    expect(resolve('urn:uuid:abc', 1, [])).toEqual({ key: 'urn:uuid:abc', fold: null });
  });
});
