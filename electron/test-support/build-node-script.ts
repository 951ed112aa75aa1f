import { builtinModules } from 'node:module';
import { basename, join } from 'node:path';
import { build } from 'vite';

/**
 * Bundles one TypeScript entry (with the real core it imports) into a single ES module in `outDir`,
 * as the app's own build does, so a test can run it as a separate Node process and kill it.
 */
export async function buildNodeScript(entry: string, outDir: string): Promise<string> {
  const fileName = `${basename(entry).replace(/\.ts$/, '')}.mjs`;
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node24',
      minify: false,
      rollupOptions: {
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:sqlite'],
        output: { format: 'es', entryFileNames: fileName },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  return join(outDir, fileName);
}
