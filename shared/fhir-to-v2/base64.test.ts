import { describe, expect, it } from 'vitest';
import { decodeBase64Text } from './base64';

describe('decodeBase64Text', () => {
  it('decodes UTF-8 text, with and without padding', () => {
    expect(decodeBase64Text('SGVsbG8sIHdvcmxkIQ==')).toBe('Hello, world!');
    expect(decodeBase64Text('TGluZSAxCkxpbmUgMg')).toBe('Line 1\nLine 2');
    expect(decodeBase64Text('w6lww6l0ZSDinJM=')).toBe('épéte ✓');
  });
  it('gives undefined for what is not base64 UTF-8 text', () => {
    expect(decodeBase64Text('not base64!')).toBeUndefined();
    expect(decodeBase64Text('/w==')).toBeUndefined();
  });
});
