import { describe, expect, it } from 'vitest';
import { inboxHash, inboxLinkFromHash } from './inbox-url';

describe('inbox links', () => {
  it('round-trips a filter and the view it came from', () => {
    const link = { filter: { categories: ['clinical' as const], text: 'potassium "a & b"', patient: { value: 'MRN#1' } }, viewId: 3 };
    const hash = inboxHash(link);
    expect(hash.startsWith('#/inbox?')).toBe(true);
    expect(inboxLinkFromHash(hash)).toEqual(link);
  });

  it('asks for nothing in particular without a query, or on another screen', () => {
    expect(inboxHash({ filter: {}, viewId: null })).toBe('#/inbox');
    expect(inboxLinkFromHash('#/inbox')).toBeNull();
    expect(inboxLinkFromHash('#/composer?filter=%7B%7D')).toBeNull();
  });

  it('ignores a filter the contract refuses or that is not JSON', () => {
    expect(inboxLinkFromHash('#/inbox?filter=%7B%22categories%22%3A%5B%22nope%22%5D%7D')).toEqual({ filter: {}, viewId: null });
    expect(inboxLinkFromHash('#/inbox?filter=%7Bbroken&view=x')).toEqual({ filter: {}, viewId: null });
  });
});
