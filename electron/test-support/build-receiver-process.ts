import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';

/**
 * Bundles receiver-process.ts (with the real core) into one ES module in `outDir`, as the app's
 * own build does, so a test can run it as a separate Node process and kill it.
 */
export async function buildReceiverProcess(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      ssr: join(import.meta.dirname, 'receiver-process.ts'),
      outDir,
      emptyOutDir: false,
      target: 'node24',
      minify: false,
      rollupOptions: {
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:sqlite'],
        output: { format: 'es', entryFileNames: 'receiver-process.mjs' },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  return join(outDir, 'receiver-process.mjs');
}
