import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAsset } from './asset-path';

const root = resolve('/app/dist/renderer');

describe('resolveAsset', () => {
  it('serves files inside the renderer folder with their content type', () => {
    expect(resolveAsset(root, '/assets/index-abc.js')).toEqual({
      file: resolve(root, 'assets/index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('answers client-side routes with index.html', () => {
    expect(resolveAsset(root, '/')?.file).toBe(resolve(root, 'index.html'));
    expect(resolveAsset(root, '/inbox')?.file).toBe(resolve(root, 'index.html'));
  });

  it('refuses anything that would leave the folder', () => {
    expect(resolveAsset(root, '/../../etc/passwd.txt')).toBeNull();
    expect(resolveAsset(root, '/..%2f..%2fsecret.js')).toBeNull();
    expect(resolveAsset(root, '/a%5c..%5c..%5cb.js')).toBeNull();
    expect(resolveAsset(root, '/x%00.js')).toBeNull();
    expect(resolveAsset(root, '/%E0%A4%A')).toBeNull();
  });

  it('refuses file types it does not know', () => {
    expect(resolveAsset(root, '/switchboard.db')).toBeNull();
  });
});
