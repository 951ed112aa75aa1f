import { describe, expect, it } from 'vitest';
import { redactHeaders, redactUrl } from './redact';

describe('redaction', () => {
  it('replaces credential header values, keeps the rest', () => {
    expect(
      redactHeaders(
        [
          ['Authorization', 'Bearer abc'],
          ['Accept', 'application/fhir+json'],
          ['X-Client-Token', 't'],
          ['redox-source-id', 'src-1'],
          ['My-Key-Header', 'k'],
          ['Proxy-Authorization', 'Basic x'],
        ],
        ['my-key-header'],
      ),
    ).toEqual([
      ['Authorization', '[redacted]'],
      ['Accept', 'application/fhir+json'],
      ['X-Client-Token', '[redacted]'],
      ['redox-source-id', 'src-1'],
      ['My-Key-Header', '[redacted]'],
      ['Proxy-Authorization', '[redacted]'],
    ]);
  });

  it('strips userinfo from URLs but keeps the search', () => {
    expect(redactUrl('https://u:p@h.example/fhir/Patient?name=x')).toBe('https://h.example/fhir/Patient?name=x');
  });
});
