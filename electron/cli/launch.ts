import { storeThreadsBeside } from '../core/store/store-thread-scripts';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from './default-data-dir';
import { electronPackageDir, findElectronBinary } from './electron-binary';
import { defaultKeyFile, ensureKeyFile } from './headless-key-file';
import { assertSupportedNode } from './node-version';
import { serveCommand } from './serve-command';
import { UsageError } from './usage-error';

const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

/** `npm start`: the desktop app when Electron is installed, else the headless console. */
async function launch(argv: string[]): Promise<void> {
  const binary = findElectronBinary(electronPackageDir());
  if (binary !== null) {
    const child = spawn(binary, [APP_ROOT, ...argv], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  assertSupportedNode();
  process.stdout.write(
    'Electron is not installed here (its binary was skipped), so Switchboard runs headless: open the console URL below in a browser.\n',
  );
  // Out of the box, connections can keep secrets: a key made once, beside (not in) the data folder.
  const explicit = argv.includes('--secret-key-file') || Boolean(process.env.SWITCHBOARD_SECRET_KEY);
  const extra: string[] = [];
  if (!explicit) {
    const dataDirFlag = argv.indexOf('--data-dir');
    const dataDir = dataDirFlag >= 0 ? (argv[dataDirFlag + 1] ?? defaultDataDir()) : defaultDataDir();
    const keyFile = defaultKeyFile(dataDir);
    const created = ensureKeyFile(keyFile);
    process.stdout.write(`${created ? 'Created the key that encrypts stored secrets' : 'Secrets key'}: ${keyFile} (keep it; without it stored secrets must be entered again)\n`);
    extra.push('--secret-key-file', keyFile);
  }
  await serveCommand([...argv, ...extra], { openByDefault: true, rendererDir: RENDERER_DIR, storeThreads: storeThreadsBeside(import.meta.url) });
}

launch(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`switchboard: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 64 : 1);
});
