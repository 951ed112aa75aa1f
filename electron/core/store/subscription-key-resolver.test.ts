import { describe, expect, it } from 'vitest';
import { subscriptionKey } from '../../../shared/notifications/subscription-key';
import { type LocalKeys, resolveKey } from './subscription-key-resolver';

const A = 'https://a.example/fhir/Subscription/1';
const B = 'https://b.example/fhir/Subscription/1';
const resolve = (sent: string, endpointId: number | null, local: Partial<LocalKeys> = {}) =>
  resolveKey(subscriptionKey(sent), endpointId, { absolutes: [], relative: false, ...local });
const absolute = (key: string) => ({ key, sentKey: key, absoluteId: '1' });

describe('resolveKey', () => {
  it('joins a relative reference to the one absolute key with its id on its endpoint', () => {
    expect(resolve('Subscription/1', 1, { absolutes: [A] })).toEqual({ target: absolute(A), fold: null });
    expect(resolve('Subscription/1/_history/4', 1, { absolutes: [A] })).toEqual({ target: absolute(A), fold: null });
  });

  it('keeps a relative reference on its own, scoped by its endpoint, when it has no absolute key there, or several', () => {
    const own = { key: 'endpoint/1/Subscription/1', sentKey: 'Subscription/1', absoluteId: null };
    expect(resolve('Subscription/1', 1)).toEqual({ target: own, fold: null });
    expect(resolve('Subscription/1', 1, { absolutes: [A, B] })).toEqual({ target: own, fold: null });
    expect(resolve('Subscription/1', 2).target.key).toBe('endpoint/2/Subscription/1');
    expect(resolve('Subscription/1', null).target.key).toBe('endpoint/none/Subscription/1');
  });

  it('has an absolute reference take over the relative state of its endpoint, unless another server has the id there', () => {
    expect(resolve(A, 1, { relative: true })).toEqual({ target: absolute(A), fold: 'endpoint/1/Subscription/1' });
    expect(resolve(A, 1, { relative: true, absolutes: [A] })).toEqual({ target: absolute(A), fold: 'endpoint/1/Subscription/1' });
    expect(resolve(A, 1, { relative: true, absolutes: [B] })).toEqual({ target: absolute(A), fold: null });
    expect(resolve(A, 1, { relative: true, absolutes: [A, B] })).toEqual({ target: absolute(A), fold: null });
    expect(resolve(A, 1)).toEqual({ target: absolute(A), fold: null });
  });

  it('keeps two servers with the same id apart', () => {
    expect(resolve(B, 1, { absolutes: [A] }).target).toEqual(absolute(B));
  });

  it('scopes a reference that names no Subscription by its endpoint, unless it is absolute', () => {
    expect(resolve('urn:uuid:abc', 1)).toEqual({ target: { key: 'endpoint/1/urn:uuid:abc', sentKey: 'urn:uuid:abc', absoluteId: null }, fold: null });
    expect(resolve('https://a.example/other', 1)).toEqual({
      target: { key: 'https://a.example/other', sentKey: 'https://a.example/other', absoluteId: null },
      fold: null,
    });
  });
});
