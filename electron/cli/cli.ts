import { storeThreadsBeside } from '../core/store/store-thread-scripts';
import { fileURLToPath } from 'node:url';
import { describeContract } from '../../shared/contract/describe';
import { APP_VERSION } from '../version';
import { assertSupportedNode } from './node-version';
import { renderApiMarkdown } from '../../shared/contract/api-markdown';
import { writeReadmeApiSection } from './readme-api';
import { serveCommand } from './serve-command';
import { translateMain } from './translate-command';
import { queryCommand } from './query-command';
import { writebackCommand } from './writeback-command';
import { UsageError } from './usage-error';

const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));


const USAGE = `Usage: switchboard <command> [options]

Commands:
  serve       run the core headless and serve the console to a browser
  query       run a FHIR search against a base URL or a saved connection ('query --help')
  translate   translate a FHIR writeback to HL7 v2 ('translate --help' for options)
  writeback   send a FHIR writeback through the delivery queue (MLLP or FHIR) and wait for the ACK
  api-docs    print the contract (commands and events) as Markdown;
              'api-docs --readme README.md' rewrites the README's API section
  --version   print the version

Run 'switchboard <command> --help' for a command's options.`;

async function main(argv: string[]): Promise<void> {
  assertSupportedNode();
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serveCommand(rest, { openByDefault: false, rendererDir: RENDERER_DIR, storeThreads: storeThreadsBeside(import.meta.url) });
    case 'query':
      process.exitCode = await queryCommand(rest);
      return;
    case 'translate':
      return translateMain(rest);
    case 'writeback':
      process.exitCode = await writebackCommand(rest);
      return;
    case 'api-docs':
      if (rest[0] === '--readme') {
        writeReadmeApiSection(rest[1] ?? 'README.md', renderApiMarkdown(describeContract()));
        return;
      }
      process.stdout.write(renderApiMarkdown(describeContract()));
      return;
    case '--version':
    case '-v':
      process.stdout.write(`${APP_VERSION}\n`);
      return;
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new UsageError(`Unknown command: ${command}\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`switchboard: ${(error as Error).message}\n`);
    process.exit(64);
  }
  process.stderr.write(`switchboard: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
