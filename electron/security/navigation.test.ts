import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './ipc-sender';
import { externalUrlToOpen, isAppUrl } from './navigation';

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://switchboard/index.html#/inbox')).toBe(true);
    expect(isAppUrl('app://switchboard.evil/index.html')).toBe(false);
    expect(isAppUrl('https://switchboard/index.html')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('externalUrlToOpen', () => {
  it('lets http and https links out to the browser', () => {
    expect(externalUrlToOpen('https://hl7.org/fhir/R4/')).toBe('https://hl7.org/fhir/R4/');
  });

  it('refuses schemes that could start local programs, and embedded credentials', () => {
    expect(externalUrlToOpen('file:///etc/passwd')).toBeNull();
    expect(externalUrlToOpen('ms-settings:privacy')).toBeNull();
    expect(externalUrlToOpen('javascript:alert(1)')).toBeNull();
    expect(externalUrlToOpen('https://user:pw@example.org/')).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('trusts only the app page in a top frame', () => {
    expect(isTrustedSender({ url: 'app://switchboard/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://switchboard/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
