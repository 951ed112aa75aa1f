import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSecretKey } from '../core/secrets/secret-key';
import { tempDir } from '../test-support/temp-dir';
import { defaultKeyFile, ensureKeyFile } from './headless-key-file';

describe('headless key file', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('lives beside the data folder, is created once with mode 0600, and holds a valid key', () => {
    const dataDir = join(dir.path, 'Switchboard');
    const file = defaultKeyFile(dataDir);
    expect(file.startsWith(dataDir + '/')).toBe(false);
    expect(ensureKeyFile(file)).toBe(true);
    const first = readFileSync(file, 'utf8');
    expect(ensureKeyFile(file)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(first);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(decodeSecretKey(first, 'key').byteLength).toBe(32);
  });
});
