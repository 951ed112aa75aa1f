import { describe, expect, it } from 'vitest';
import { escapeSearchValue, percentDecode, percentEncode, splitUnescaped, unescapeSearchValue } from './escaping';

describe('FHIR value escaping', () => {
  it('escapes , | $ and \\ with a backslash', () => {
    expect(escapeSearchValue('a,b|c$d\\e')).toBe('a\\,b\\|c\\$d\\\\e');
    expect(escapeSearchValue('plain')).toBe('plain');
  });

  it('escapes only the given delimiters (and always the backslash)', () => {
    expect(escapeSearchValue('a|b,c\\d', [','])).toBe('a|b\\,c\\\\d');
  });

  it('unescapes, and rejects stray backslashes', () => {
    expect(unescapeSearchValue('a\\,b\\|c\\$d\\\\e')).toBe('a,b|c$d\\e');
    expect(unescapeSearchValue('a\\b')).toBeNull();
    expect(unescapeSearchValue('trailing\\')).toBeNull();
  });

  it('round-trips arbitrary text', () => {
    for (const text of ['', ',', '\\\\,', '$$|', 'Jörg, Müller|x$y\\z', '😀,😀']) {
      expect(unescapeSearchValue(escapeSearchValue(text))).toBe(text);
    }
  });

  it('splits on unescaped delimiters only, keeping escapes in the pieces', () => {
    expect(splitUnescaped('a,b\\,c,d', ',')).toEqual(['a', 'b\\,c', 'd']);
    expect(splitUnescaped('a\\\\,b', ',')).toEqual(['a\\\\', 'b']);
    expect(splitUnescaped('', ',')).toEqual(['']);
    expect(splitUnescaped(',', ',')).toEqual(['', '']);
  });
});

describe('percent-encoding', () => {
  it('leaves FHIR punctuation readable', () => {
    expect(percentEncode('http://loinc.org|1234-5')).toBe('http://loinc.org|1234-5');
    expect(percentEncode('a,b$c:d/e?f@g')).toBe('a,b$c:d/e?f@g');
  });

  it('encodes the characters that would break a query string or a form body', () => {
    expect(percentEncode('a&b=c+d e#f%g;h\\i')).toBe('a%26b%3Dc%2Bd%20e%23f%25g%3Bh%5Ci');
    expect(percentEncode('mm[Hg]')).toBe('mm%5BHg%5D');
  });

  it('encodes non-ASCII as UTF-8', () => {
    expect(percentEncode('Jörg')).toBe('J%C3%B6rg');
    expect(percentEncode('😀')).toBe('%F0%9F%98%80');
    expect(percentEncode('\uD800')).toBe('%EF%BF%BD');
  });

  it('decodes + as a space and %XX as UTF-8, and refuses broken encodings', () => {
    expect(percentDecode('a+b%20c%2Bd')).toBe('a b c+d');
    expect(percentDecode('J%C3%B6rg')).toBe('Jörg');
    expect(percentDecode('%zz')).toBeNull();
    expect(percentDecode('%C3')).toBeNull();
  });
});
