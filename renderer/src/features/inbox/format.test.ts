import { describe, expect, it } from 'vitest';
import { formatBytes, prettyBody } from './format';

describe('formatBytes', () => {
  it('reads like a person would say it', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });
});

describe('prettyBody', () => {
  it('indents JSON and leaves anything else untouched', () => {
    expect(prettyBody('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyBody('{not json')).toBe('{not json');
  });
});
