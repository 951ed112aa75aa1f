import { describe, expect, it } from 'vitest';
import { isAllowedPermission } from './permissions';

describe('isAllowedPermission', () => {
  it('lets the app page write to the clipboard and nothing else', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://switchboard/index.html')).toBe(true);
    expect(isAllowedPermission('clipboard-read', 'app://switchboard/index.html')).toBe(false);
    expect(isAllowedPermission('media', 'app://switchboard/index.html')).toBe(false);
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });
});
