import { describe, expect, it } from 'vitest';
import { headerPairs, REDACTED } from './header-pairs';
import { isLoopbackHost } from './loopback';
import { isJsonMediaType } from './media-type';

describe('isJsonMediaType', () => {
  it('accepts JSON and FHIR JSON with parameters', () => {
    expect(isJsonMediaType('application/json')).toBe(true);
    expect(isJsonMediaType('application/fhir+json; fhirVersion=4.0')).toBe(true);
    expect(isJsonMediaType('Application/JSON; charset=utf-8')).toBe(true);
  });
  it('refuses everything else', () => {
    expect(isJsonMediaType('text/plain')).toBe(false);
    expect(isJsonMediaType('application/fhir+xml')).toBe(false);
    expect(isJsonMediaType(undefined)).toBe(false);
  });
});

describe('headerPairs', () => {
  it('keeps order and case, and redacts credentials', () => {
    expect(headerPairs(['Content-Type', 'application/json', 'Authorization', 'Bearer x', 'verification-token', 'y'])).toEqual([
      ['Content-Type', 'application/json'],
      ['Authorization', REDACTED],
      ['verification-token', REDACTED],
    ]);
  });
});

describe('isLoopbackHost', () => {
  it('knows which addresses stay on this machine', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.10')).toBe(false);
  });
});
