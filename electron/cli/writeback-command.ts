import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  FhirDestinationConfig,
  MllpDestinationConfig,
  WritebackTranslateOptions,
  type ConnectionSummary,
  type DestinationConfigInput,
  type WritebackDetail,
  type WritebackStatus,
} from '../../shared/contract';
import { createCore, type Core } from '../core/core';
import { aesGcmSecretBox } from '../core/secrets/aes-gcm-secret-box';
import { unavailableSecretBox } from '../core/secrets/secret-box';
import { HOW_TO_PROVIDE_KEY, loadSecretKey } from '../core/secrets/secret-key';
import { APP_VERSION } from '../version';
import { defaultDataDir } from './default-data-dir';
import { defaultKeyFile } from './headless-key-file';
import { UsageError } from './usage-error';

export const WRITEBACK_USAGE = `Usage: switchboard writeback <file.json|-> (--mllp HOST:PORT | --connection NAME) [options]

Puts a FHIR writeback through the durable delivery queue, waits until it is settled, and prints
the outcome with the acknowledgement (HL7 v2 over MLLP) or the FHIR server's answer.

Options:
  --mllp HOST:PORT       translate to HL7 v2 and send over MLLP (add "tls": {"enabled": true} in --options for TLS)
  --connection NAME      send as FHIR REST through a saved connection (mode create, update or
                         redox-operation in --options; default create)
  --options FILE         JSON: the translator's destination options (applications, facilities,
                         processing id, action…, as for 'translate') and/or delivery settings
                         (ackTimeoutMs, maxAttempts, backoff, retryOn, tls, mode, operation, eventUri…)
  --ack-timeout-ms N     MLLP: ACK deadline per attempt (default 10000)
  --max-attempts N       attempts before giving up (default 5)
  --json                 print the writeback's full detail as JSON instead of text
  --data-dir DIR         the data folder whose queue and history to use (default: ${defaultDataDir()})
  --secret-key-file F    with --connection: the key that decrypts its stored secrets

If the desktop app or 'switchboard serve' runs on the same data folder, its queue sends the
writeback and this command waits for the result.

Exit codes: 0 accepted; 2 rejected (AE/AR/CE/CR, or a FHIR 4xx); 3 given up (or cancelled);
64 a mistake in the command or an input that cannot be sent.`;

export interface WritebackCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
}

const defaultIo: WritebackCommandIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readFileSync(0, 'utf8'),
};

const FINAL: readonly WritebackStatus[] = ['accepted', 'rejected', 'given-up', 'cancelled'];
const EXIT: Record<WritebackStatus, number> = { accepted: 0, rejected: 2, 'given-up': 3, cancelled: 3, queued: 3, sending: 3, retrying: 3 };

/** Keys of the delivery settings; everything else in --options is for the translator. */
const DELIVERY_KEYS = new Set([...Object.keys(MllpDestinationConfig.shape), ...Object.keys(FhirDestinationConfig.shape)]);

function readJson(file: string, what: string, io: WritebackCommandIo): unknown {
  let text: string;
  try {
    text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${what} ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${what} ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number (got ${value}).`);
  return n;
}

function hostPort(value: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(value);
  const port = Number(m?.[2]);
  if (!m?.[1] || !Number.isInteger(port) || port < 1 || port > 65_535) throw new UsageError(`--mllp wants HOST:PORT (got ${value}).`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

function openCore(dataDir: string, keyFileFlag: string | undefined): Core {
  const keyFile = keyFileFlag ?? (existsSync(defaultKeyFile(dataDir)) ? defaultKeyFile(dataDir) : undefined);
  let key: Uint8Array | null;
  try {
    key = loadSecretKey(keyFile);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return createCore({
    dataDir,
    host: 'headless',
    version: APP_VERSION,
    // Without a key, connections without secrets still work; MLLP needs none.
    secrets: key ? aesGcmSecretBox(key) : unavailableSecretBox(HOW_TO_PROVIDE_KEY),
    receiver: { port: 0 },
  });
}

/** Polls the store and listens for events until the writeback is settled. */
async function waitForFinal(core: Core, id: number): Promise<WritebackDetail> {
  for (;;) {
    const result = await core.execute('writebacks.get', { id });
    if (!result.ok) throw new Error(result.error.message);
    const detail = result.value as WritebackDetail;
    if (FINAL.includes(detail.status)) return detail;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 250);
      const stop = core.events.subscribe((name, payload) => {
        if (name === 'writeback.updated' && (payload as { writeback: { id: number } }).writeback.id === id) done();
      });
      function done() {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  }
}

/** The outcome as text: status, where, each attempt, then the ACK (its ER7 and the ERRs in words) or the HTTP answer. */
export function describeOutcome(d: WritebackDetail): string {
  const lines = [
    `writeback ${d.id}: ${d.status}${d.acceptance ? ` (${d.acceptance})` : ''}`,
    `  ${d.kind} → ${d.destinationLabel}   ${d.messageType}   control id ${d.controlId}`,
  ];
  if (d.acceptanceText) lines.push(`  ${d.acceptanceText}`);
  for (const a of d.attempts) {
    const ms = a.durationMs === null ? '' : ` ${Math.round(a.durationMs)} ms`;
    lines.push(`  attempt ${a.number}: ${a.outcome}${ms}, ${a.bytesOut} bytes out, ${a.bytesIn} bytes in${a.error ? ` — ${a.error}` : ''}`);
  }
  const last = [...d.attempts].reverse().find((a) => a.ackText !== null || a.http !== null);
  if (last?.ackText) {
    lines.push('acknowledgement:', ...last.ackText.split('\r').filter(Boolean).map((s) => `  ${s}`));
    if (last.ack) lines.push(`  ${last.ack.meaning}`);
    for (const e of last.ack?.errors ?? []) lines.push(`  ${e.explanation}${e.fhirPaths.length > 0 ? ` [FHIR: ${e.fhirPaths.join(', ')}]` : ''}`);
  } else if (last?.http) {
    lines.push(`answer: HTTP ${last.http.status} ${last.http.statusText}${last.http.location ? `, Location ${last.http.location}` : ''}`);
    for (const i of last.http.issues) lines.push(`  ${i.severity}: ${i.text}${i.expression.length > 0 ? ` (${i.expression.join(', ')})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `switchboard writeback`: one writeback through the queue, for interface tests in pipelines. Returns the exit code. */
export async function writebackCommand(argv: string[], io: WritebackCommandIo = defaultIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      mllp: { type: 'string' },
      connection: { type: 'string' },
      options: { type: 'string' },
      'ack-timeout-ms': { type: 'string' },
      'max-attempts': { type: 'string' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
      'secret-key-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${WRITEBACK_USAGE}\n`);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`Give one input file (or - for stdin).\n\n${WRITEBACK_USAGE}`);
  if ((values.mllp === undefined) === (values.connection === undefined)) {
    throw new UsageError(`Give exactly one of --mllp HOST:PORT or --connection NAME.\n\n${WRITEBACK_USAGE}`);
  }
  const input = readJson(file, 'Input', io);
  if (typeof input !== 'object' || input === null || Array.isArray(input) || typeof (input as { resourceType?: unknown }).resourceType !== 'string') {
    throw new UsageError(`Input ${file} is not a FHIR resource (a JSON object with a resourceType).`);
  }
  const optionsJson = values.options === undefined ? {} : readJson(values.options, '--options', io);
  if (typeof optionsJson !== 'object' || optionsJson === null || Array.isArray(optionsJson)) throw new UsageError('--options must hold a JSON object.');
  const delivery: Record<string, unknown> = {};
  const translator: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(optionsJson)) (DELIVERY_KEYS.has(k) ? delivery : translator)[k] = v;
  if (isRecord(delivery.translator)) Object.assign(translator, delivery.translator);
  delete delivery.translator;
  const ackTimeoutMs = positiveInt(values['ack-timeout-ms'], '--ack-timeout-ms');
  const maxAttempts = positiveInt(values['max-attempts'], '--max-attempts');
  if (ackTimeoutMs !== undefined) delivery.ackTimeoutMs = ackTimeoutMs;
  if (maxAttempts !== undefined) delivery.maxAttempts = maxAttempts;
  const translateOptions = WritebackTranslateOptions.safeParse(translator);
  if (!translateOptions.success) throw new UsageError(`--options: ${formatIssues(translateOptions.error.issues)}`);

  const dataDir = values['data-dir'] ?? defaultDataDir();
  const core = openCore(dataDir, values['secret-key-file']);
  try {
    await core.start();
    let destination: DestinationConfigInput;
    if (values.mllp !== undefined) {
      const parsed = MllpDestinationConfig.safeParse({ ...delivery, transport: 'mllp', ...hostPort(values.mllp), translator: translateOptions.data });
      if (!parsed.success) throw new UsageError(`--options: ${formatIssues(parsed.error.issues)}`);
      destination = parsed.data;
    } else {
      const listed = await core.execute('connections.list', {});
      if (!listed.ok) throw new UsageError(listed.error.message);
      const items = (listed.value as { items: ConnectionSummary[] }).items;
      const name = values.connection ?? '';
      const connection = items.find((c) => c.name === name) ?? items.find((c) => c.name.toLowerCase() === name.toLowerCase());
      if (!connection) throw new UsageError(`No connection named "${name}" in ${dataDir}. Known: ${items.map((c) => c.name).join(', ') || 'none'}.`);
      const { ackTimeoutMs: _a, ...fhirDelivery } = delivery;
      const parsed = FhirDestinationConfig.safeParse({ ...fhirDelivery, transport: 'fhir', connectionId: connection.id });
      if (!parsed.success) throw new UsageError(`--options: ${formatIssues(parsed.error.issues)}`);
      destination = parsed.data;
    }
    const queued = await core.execute('writebacks.enqueue', {
      input,
      target: { destination, name: 'command line' },
      options: values.mllp !== undefined ? {} : translateOptions.data,
    });
    if (!queued.ok) throw new UsageError(queued.error.message);
    const detail = await waitForFinal(core, (queued.value as WritebackDetail).id);
    io.stdout(values.json ? `${JSON.stringify(detail, null, 2)}\n` : describeOutcome(detail));
    return EXIT[detail.status];
  } finally {
    await core.close();
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const formatIssues = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.map(String).join('.') || '(options)'}: ${i.message}`).join('; ');
