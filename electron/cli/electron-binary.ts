import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FileAccess {
  exists: (path: string) => boolean;
  read: (path: string) => string;
}

const realFiles: FileAccess = { exists: existsSync, read: (p) => readFileSync(p, 'utf8') };

/**
 * Where the installed Electron binary is, or null. Mirrors how the `electron` package finds it
 * (path.txt + dist/, or ELECTRON_OVERRIDE_DIST_PATH) without requiring the package, whose index
 * starts a download when the binary is missing.
 */
export function findElectronBinary(
  packageDir: string | null,
  env: NodeJS.ProcessEnv = process.env,
  files: FileAccess = realFiles,
): string | null {
  if (packageDir === null) return null;
  const pathFile = join(packageDir, 'path.txt');
  const relative = files.exists(pathFile) ? files.read(pathFile).trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : null;
  return candidate !== null && files.exists(candidate) ? candidate : null;
}

export function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}
