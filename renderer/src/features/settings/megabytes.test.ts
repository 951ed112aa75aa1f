import { describe, expect, it } from 'vitest';
import { bytesToMb, mbToBytes } from './megabytes';

describe('megabyte fields', () => {
  it('round-trips sizes and leaves blank as no limit', () => {
    expect(mbToBytes('')).toBeNull();
    expect(mbToBytes(' 250 ')).toBe(250 * 1024 * 1024);
    expect(mbToBytes('0.5')).toBe(512 * 1024);
    expect(bytesToMb(null)).toBe('');
    expect(bytesToMb(mbToBytes('1.5'))).toBe('1.5');
  });
});
