import { describe, expect, it } from 'vitest';
import { TokenCache } from './token-cache';

describe('TokenCache', () => {
  it('reuses a token until shortly before expiry, then fetches a new one; callers share one fetch', async () => {
    let now = 0;
    let fetched = 0;
    const cache = new TokenCache(async () => ({ accessToken: `t${++fetched}`, expiresIn: 300 }), () => now);
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect([a, b, fetched]).toEqual(['t1', 't1', 1]);
    now = 269_000; // 31 s before expiry: still good
    expect(await cache.get()).toBe('t1');
    now = 270_000; // 30 s before expiry: refreshed early
    expect(await cache.get()).toBe('t2');
  });

  it('fetches again after invalidate (a 401), and after a failed fetch', async () => {
    let fail = true;
    let n = 0;
    const cache = new TokenCache(async () => {
      if (fail) throw new Error('refused');
      return { accessToken: `t${++n}`, expiresIn: null };
    }, () => 0);
    await expect(cache.get()).rejects.toThrow('refused');
    fail = false;
    expect(await cache.get()).toBe('t1');
    cache.invalidate();
    expect(await cache.get()).toBe('t2');
  });

  it('refreshes very short-lived tokens at a tenth of their lifetime before expiry', async () => {
    let now = 0;
    let n = 0;
    const cache = new TokenCache(async () => ({ accessToken: `t${++n}`, expiresIn: 10 }), () => now);
    await cache.get();
    now = 8_999;
    expect(await cache.get()).toBe('t1');
    now = 9_000;
    expect(await cache.get()).toBe('t2');
  });
});
