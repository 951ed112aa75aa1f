import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

const directives = () =>
  new Map(
    contentSecurityPolicy()
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values]),
  );

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app itself, never eval or inline', () => {
    expect(directives().get('script-src')).toEqual(["'self'"]);
  });

  it('names no remote host anywhere', () => {
    expect(contentSecurityPolicy()).not.toMatch(/https?:|\*/);
  });

  it('blocks framing, plugins and form posts', () => {
    const d = directives();
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('default-src')).toEqual(["'none'"]);
  });
});
