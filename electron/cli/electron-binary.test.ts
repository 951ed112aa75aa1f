import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

const files = (present: Record<string, string>) => ({
  exists: (p: string) => p in present,
  read: (p: string) => present[p] ?? '',
});

describe('findElectronBinary', () => {
  const pkg = '/app/node_modules/electron';

  it('finds the binary a normal install put in dist/', () => {
    const binary = join(pkg, 'dist', 'electron');
    expect(findElectronBinary(pkg, {}, files({ [join(pkg, 'path.txt')]: 'electron', [binary]: '' }))).toBe(binary);
  });

  it('answers null when the download was skipped, instead of downloading', () => {
    expect(findElectronBinary(pkg, {}, files({}))).toBeNull();
    expect(findElectronBinary(pkg, {}, files({ [join(pkg, 'path.txt')]: 'electron' }))).toBeNull();
    expect(findElectronBinary(null)).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const binary = join('/opt/electron', 'electron');
    expect(findElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, files({ [binary]: '' }))).toBe(binary);
  });
});
