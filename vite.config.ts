import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:sqlite'];
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };
/** The store's threads (the receiver's durable commits; indexing): entries of their own, started beside the host's entry file. */
const STORE_THREADS = {
  'notification-writer': 'electron/core/store/notification-writer.worker.ts',
  'notification-indexer': 'electron/core/store/notification-indexer.worker.ts',
};

/**
 * One file, four builds (`vite build --mode <name>`), all into dist/:
 * renderer → dist/renderer, electron-main → dist/electron/main.js, electron-preload → dist/electron/preload.cjs
 * (one CommonJS file: a sandboxed preload cannot load ES modules), node → dist/node/{cli,launch}.js;
 * both main-process builds also emit notification-writer.js and notification-indexer.js, the store's threads.
 * Main-process builds bundle their dependencies so the packaged app needs no node_modules.
 */
function nodeBuild(entries: Record<string, string>, outDir: string, format: 'es' | 'cjs', external: string[]): UserConfig {
  return {
    define,
    publicDir: false,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      target: 'node24',
      sourcemap: true,
      minify: false,
      rollupOptions: {
        input: entries,
        external: [...nodeBuiltins, ...external],
        output: {
          format,
          entryFileNames: format === 'cjs' ? '[name].cjs' : '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Lets `switchboard` run as a package bin; npm puts the project's Node 24 first on PATH.
          banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  switch (mode) {
    case 'electron-main':
      return nodeBuild({ main: 'electron/main.ts', ...STORE_THREADS }, 'dist/electron', 'es', ['electron']);
    case 'electron-preload':
      return nodeBuild({ preload: 'electron/preload.ts' }, 'dist/electron', 'cjs', ['electron']);
    case 'test':
      return {
        define,
        plugins: [react()],
        test: {
          include: ['{shared,electron,renderer}/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      } as UserConfig;
    case 'node':
      return nodeBuild({ cli: 'electron/cli/cli.ts', launch: 'electron/cli/launch.ts', bench: 'electron/bench/run-benchmarks.ts', 'receiver-process': 'electron/test-support/receiver-process.ts', ...STORE_THREADS }, 'dist/node', 'es', [
        'electron',
        // Only the benchmark runner imports it, from node_modules; it is never bundled.
        'playwright-core',
      ]);
    default:
      return {
        define,
        root: 'renderer',
        base: './',
        plugins: [react()],
        build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 6000 },
      };
  }
});
