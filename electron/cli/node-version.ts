import { UsageError } from './usage-error';

/** node:sqlite with FTS5 and the rest of the core need the Node that Electron's main process runs. */
export function assertSupportedNode(version: string = process.versions.node): void {
  const major = Number(version.split('.')[0]);
  if (major < 24) {
    throw new UsageError(
      `Node ${version} is too old; Switchboard needs Node 24 or newer. Run it through npm (\`npm run serve\`), which uses the Node 24 installed with the project.`,
    );
  }
}
