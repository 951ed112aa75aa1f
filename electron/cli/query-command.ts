import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  AuthConfig,
  ExtraHeader,
  SecretsInput,
  type ConnectionSummary,
  type QueryPageSummary,
  type QueryProgress,
} from '../../shared/contract';
import { defaultColumns } from '../../shared/fhir/default-columns';
import { parseSearchUrl, toQueryString } from '../../shared/fhir-search';
import { createCore, type Core } from '../core/core';
import { aesGcmSecretBox } from '../core/secrets/aes-gcm-secret-box';
import { unavailableSecretBox } from '../core/secrets/secret-box';
import { HOW_TO_PROVIDE_KEY, loadSecretKey } from '../core/secrets/secret-key';
import { APP_VERSION } from '../version';
import { defaultDataDir } from './default-data-dir';
import { defaultKeyFile } from './headless-key-file';
import { UsageError } from './usage-error';

export const QUERY_USAGE = `Usage: switchboard query <base-url|connection-name> '<Type?params>' [options]

Runs a FHIR search and prints the results; the same search, paging and export as the composer.

Options:
  --post                 send as POST [type]/_search, form-encoded (what Redox requires)
  --all                  follow next links and print every page
  --max N                with --all: stop after N entries (default 10000)
  --format F             bundle (default), ndjson, or csv (the composer's default columns)
  --auth-file F          with a base URL: JSON {"auth": {...}, "secrets": {...}, "headers": [...]},
                         the same fields as a saved connection (e.g. {"auth":{"type":"bearer"},"secrets":{"token":"…"}})
  --data-dir DIR         with a connection name: the data folder holding it (default: ${defaultDataDir()})
  --secret-key-file F    the key that decrypts its stored secrets (default: the one \`npm start\` made)

Exit codes: 0 results printed; 1 no answer from the server; 2 the server refused (its
OperationOutcome goes to stderr); 3 results printed, but the server reported errors inside them;
64 a mistake in the command.`;

const AuthFile = z
  .object({ auth: AuthConfig.default({ type: 'none' }), secrets: SecretsInput.default({}), headers: z.array(ExtraHeader).default([]) })
  .strict();

export interface QueryCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: QueryCommandIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

async function value<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.execute(name, input);
  if (!result.ok) throw new UsageError(result.error.message);
  return result.value as T;
}

function readAuthFile(file: string): z.infer<typeof AuthFile> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--auth-file ${file} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = AuthFile.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(`--auth-file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The core to run in: the user's data folder for a saved connection, a throwaway one for a URL. */
function openCore(target: string, values: { 'data-dir'?: string; 'secret-key-file'?: string }): { core: Core; cleanup: () => void; adHoc: boolean } {
  const adHoc = /^https?:\/\//i.test(target);
  if (adHoc) {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-query-'));
    // Secrets from the auth file live only in this throwaway folder, under a key that dies with it.
    const core = createCore({ dataDir: dir, host: 'headless', version: APP_VERSION, secrets: aesGcmSecretBox(randomBytes(32)), receiver: { port: 0 } });
    return { core, adHoc, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  if (!existsSync(join(dataDir, 'switchboard.db'))) throw new UsageError(`No Switchboard data in ${dataDir} (pass --data-dir, or a base URL).`);
  const keyFile = values['secret-key-file'] ?? (existsSync(defaultKeyFile(dataDir)) ? defaultKeyFile(dataDir) : undefined);
  let key: Uint8Array | null;
  try {
    key = loadSecretKey(keyFile);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const core = createCore({
    dataDir,
    host: 'headless',
    version: APP_VERSION,
    secrets: key ? aesGcmSecretBox(key) : unavailableSecretBox(HOW_TO_PROVIDE_KEY),
    receiver: { port: 0 },
  });
  return { core, adHoc, cleanup: () => {} };
}

function waitForFetchAll(core: Core, runId: number): Promise<QueryProgress> {
  return new Promise((resolve) => {
    const stop = core.events.subscribe((name, payload) => {
      const progress = payload as QueryProgress;
      if (name === 'query.progress' && progress.runId === runId && progress.done) {
        stop();
        resolve(progress);
      }
    });
  });
}

/** `switchboard query`: the composer's search, paging and export for scripts. Returns the exit code. */
export async function queryCommand(argv: string[], io: QueryCommandIo = defaultIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      post: { type: 'boolean' },
      all: { type: 'boolean' },
      max: { type: 'string' },
      format: { type: 'string' },
      'auth-file': { type: 'string' },
      'data-dir': { type: 'string' },
      'secret-key-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${QUERY_USAGE}\n`);
    return 0;
  }
  const [target, search, ...extra] = positionals;
  if (!target || !search || extra.length > 0) throw new UsageError(`Give a base URL or connection name, then one search.\n\n${QUERY_USAGE}`);
  const format = values.format ?? 'bundle';
  if (format !== 'bundle' && format !== 'ndjson' && format !== 'csv') throw new UsageError(`--format must be bundle, ndjson or csv (got ${format}).`);
  const maxEntries = values.max === undefined ? 10_000 : Number(values.max);
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new UsageError(`--max must be a positive whole number (got ${values.max}).`);
  const parsed = parseSearchUrl(search);
  const resourceType = parsed.model.resourceType;
  if (!resourceType) throw new UsageError(`The search must start with a resource type, e.g. 'Patient?family=Smith' (got ${search}).`);
  const method = values.post || parsed.searchEndpoint ? 'POST' : 'GET';

  const { core, cleanup, adHoc } = openCore(target, values);
  try {
    let connection: ConnectionSummary | undefined;
    if (adHoc) {
      const auth = values['auth-file'] ? readAuthFile(values['auth-file']) : AuthFile.parse({});
      connection = await value<ConnectionSummary>(core, 'connections.save', { name: 'command line', baseUrl: target, ...auth });
    } else {
      const { items } = await value<{ items: ConnectionSummary[] }>(core, 'connections.list', {});
      connection = items.find((c) => c.name === target) ?? items.find((c) => c.name.toLowerCase() === target.toLowerCase());
      if (!connection) {
        throw new UsageError(`No connection named "${target}". Known: ${items.map((c) => c.name).join(', ') || 'none'}.`);
      }
    }
    const first = await value<QueryPageSummary>(core, 'query.execute', {
      connectionId: connection.id,
      resourceType,
      query: toQueryString(parsed.model),
      method,
      model: parsed.model,
    });
    if (first.status === null) {
      io.stderr(`switchboard: no answer from ${connection.baseUrl}: ${first.error ?? 'unknown error'}\n`);
      return 1;
    }
    if (first.status >= 400) {
      const body = await value<{ text: string }>(core, 'query.pageJson', { runId: first.runId, pageIndex: 0 });
      io.stderr(`switchboard: the server answered ${first.status} ${first.statusText}\n${body.text}\n`);
      return 2;
    }
    if (values.all && first.links.next) {
      const done = waitForFetchAll(core, first.runId);
      await value(core, 'query.fetchAll', { runId: first.runId, maxPages: 10_000, maxEntries });
      const progress = await done;
      if (progress.stoppedBy === 'error') io.stderr(`switchboard: stopped after ${progress.pagesFetched} pages: ${progress.error ?? 'error'}\n`);
      else if (progress.stoppedBy !== 'end') io.stderr(`switchboard: stopped at the limit after ${progress.entriesFetched} entries (--max)\n`);
    }
    const exported = await value<{ content: string }>(core, 'query.export', {
      runId: first.runId,
      scope: values.all ? 'all' : 'page',
      pageIndex: 0,
      format,
      columns: defaultColumns(resourceType),
    });
    io.stdout(exported.content.endsWith('\n') ? exported.content : `${exported.content}\n`);
    const errors = first.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
    for (const issue of first.issues) io.stderr(`switchboard: ${issue.severity}: ${issue.text}\n`);
    return errors.length > 0 ? 3 : 0;
  } finally {
    await core.close();
    cleanup();
  }
}
