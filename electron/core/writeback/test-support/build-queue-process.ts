import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';

/** Bundles queue-process.ts (with the real core) into one ES module, to run and kill as a child process. */
export async function buildQueueProcess(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      ssr: join(import.meta.dirname, 'queue-process.ts'),
      outDir,
      emptyOutDir: false,
      target: 'node24',
      minify: false,
      rollupOptions: {
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:sqlite'],
        output: { format: 'es', entryFileNames: 'queue-process.mjs' },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  return join(outDir, 'queue-process.mjs');
}
