import { describe, expect, it } from 'vitest';
import { hostHeaderAllowed } from './host-header';

describe('hostHeaderAllowed', () => {
  it('accepts loopback names on the right port', () => {
    expect(hostHeaderAllowed('127.0.0.1:4000', '127.0.0.1', 4000)).toBe(true);
    expect(hostHeaderAllowed('localhost:4000', '127.0.0.1', 4000)).toBe(true);
    expect(hostHeaderAllowed('[::1]:4000', '127.0.0.1', 4000)).toBe(true);
  });

  it('refuses a rebound DNS name, a wrong port or no Host at all', () => {
    expect(hostHeaderAllowed('evil.example:4000', '127.0.0.1', 4000)).toBe(false);
    expect(hostHeaderAllowed('127.0.0.1:4001', '127.0.0.1', 4000)).toBe(false);
    expect(hostHeaderAllowed(undefined, '127.0.0.1', 4000)).toBe(false);
  });

  it('accepts the address it was explicitly bound to', () => {
    expect(hostHeaderAllowed('10.1.2.3:4000', '10.1.2.3', 4000)).toBe(true);
  });
});
