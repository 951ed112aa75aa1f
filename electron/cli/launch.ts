import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, findElectronBinary } from './electron-binary';
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
  await serveCommand(argv, { openByDefault: true, rendererDir: RENDERER_DIR });
}

launch(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`switchboard: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 64 : 1);
});
