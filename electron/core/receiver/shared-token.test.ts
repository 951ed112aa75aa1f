import { describe, expect, it } from 'vitest';
import { hashToken, presentedTokens, senderIsVerified, tokenMatches } from './shared-token';

describe('shared token', () => {
  it('matches only the exact token, and never stores it', () => {
    const hash = hashToken('correct horse battery');
    expect(JSON.stringify(hash)).not.toContain('correct horse');
    expect(tokenMatches(hash, 'correct horse battery')).toBe(true);
    expect(tokenMatches(hash, 'correct horse batter')).toBe(false);
    expect(tokenMatches(hash, '')).toBe(false);
  });

  it('salts each hash so equal tokens do not look equal', () => {
    expect(hashToken('same').sha256).not.toBe(hashToken('same').sha256);
  });

  it('reads the Redox header and a bearer token', () => {
    expect(presentedTokens({ 'verification-token': 'a', authorization: 'Bearer b' })).toEqual(['a', 'b']);
    expect(presentedTokens({ authorization: 'Basic Zm9vOmJhcg==' })).toEqual([]);
  });

  it('requires a token, and every token presented to match', () => {
    const hash = hashToken('s3cret-token');
    expect(senderIsVerified(hash, [])).toBe(false);
    expect(senderIsVerified(hash, ['s3cret-token'])).toBe(true);
    expect(senderIsVerified(hash, ['s3cret-token', 'wrong'])).toBe(false);
  });
});
