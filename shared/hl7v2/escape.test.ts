import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIMITERS, delimitersFromMsh } from './delimiters';
import { escapeValue, unescapeValue } from './escape';

const d = DEFAULT_DELIMITERS;

describe('escapeValue', () => {
  it('escapes each delimiter with its own sequence', () => {
    expect(escapeValue('a|b^c&d~e\\f', d)).toBe('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f');
  });
  it('turns every kind of line break into \\.br\\', () => {
    expect(escapeValue('one\ntwo\r\nthree\rfour', d)).toBe('one\\.br\\two\\.br\\three\\.br\\four');
  });
  it('hex-escapes other control characters so nothing unprintable is sent', () => {
    expect(escapeValue('tab\there', d)).toBe('tab\\X09\\here');
  });
  it('leaves plain text (including non-ASCII) untouched', () => {
    expect(escapeValue('Müller 5.4 mg/dL', d)).toBe('Müller 5.4 mg/dL');
  });
  it('uses the delimiters the message declares', () => {
    const custom = delimitersFromMsh('#', '!@$%');
    expect(escapeValue('a#b!c$d', custom)).toBe('a$F$b$S$c$E$d');
  });
});

describe('unescapeValue', () => {
  it('reverses escapeValue', () => {
    const text = 'x|y^z&w~v\\u\nline2\tend';
    expect(unescapeValue(escapeValue(text, d), d)).toBe(text);
  });
  it('keeps sequences it cannot represent as text (highlighting, charset switches)', () => {
    expect(unescapeValue('\\H\\bold\\N\\', d)).toBe('\\H\\bold\\N\\');
  });
  it('keeps an unterminated escape as-is', () => {
    expect(unescapeValue('abc\\F', d)).toBe('abc\\F');
  });
});
