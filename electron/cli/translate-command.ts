import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { translate, translateOptionsSchema, type TranslateOptions, type TranslationResult } from '../../shared/fhir-to-v2';
import { describeField, parseLocation } from '../../shared/hl7v2';
import { UsageError } from './usage-error';

export const TRANSLATE_USAGE = `Usage: switchboard translate <file.json|-> [options]

Translates a FHIR writeback (a resource, a transaction/collection Bundle or a message Bundle) to HL7 v2.

Options:
  --to TYPE          force the message type (code^trigger); where there is a choice:
                       Patient: ADT^A28, ADT^A31, ADT^A08
                       Encounter: ADT^A01, ADT^A03, ADT^A04, ADT^A05, ADT^A08, ADT^A11
                       Appointment: SIU^S12, SIU^S13, SIU^S14, SIU^S15, SIU^S17, SIU^S26
                       DocumentReference: MDM^T02, MDM^T04, MDM^T06, MDM^T08, MDM^T10
                       Immunization: VXU^V04
                       ServiceRequest: ORM^O01 (default), OML^O21
                       MedicationRequest: RDE^O11 (default), OMP^O09
                       ChargeItem: DFT^P03
                       AllergyIntolerance: ADT^A60
  --options FILE     destination options (JSON): applications, facilities, processing id,
                     version, control-id strategy, assigning authorities, code systems…
  --format er7|json  er7 (default): the message, segments on separate lines;
                     json: the whole result (segments, lineage, unmapped, issues)
  --explain          after the message, print the lineage, unmapped elements and issues
Exit codes: 0 translated, 1 translated with errors, 2 nothing could be translated, 64 usage.`;

export interface TranslateIo {
  readStdin(): string;
  write(text: string): void;
}

/** The real process: stdin, stdout, and the exit code. */
export function translateMain(argv: string[]): void {
  process.exitCode = translateCommand(argv, {
    readStdin: () => readFileSync(0, 'utf8'),
    write: (text) => process.stdout.write(text),
  });
}

/** Runs the command; returns the exit code instead of exiting, so tests can call it directly. */
export function translateCommand(argv: string[], io: TranslateIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      options: { type: 'string' },
      format: { type: 'string' },
      explain: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.write(`${TRANSLATE_USAGE}\n`);
    return 0;
  }
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError(`translate takes one input file (or - for stdin)\n\n${TRANSLATE_USAGE}`);
  const format = values.format ?? 'er7';
  if (format !== 'er7' && format !== 'json') throw new UsageError(`--format must be er7 or json (got ${format})`);
  const input = readJson(file === '-' ? io.readStdin() : readText(file), file);
  const options: TranslateOptions = values.options ? readOptions(values.options) : {};
  if (values.to) options.messageType = values.to;
  const result = translate(input, options);
  if (format === 'json') io.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    if (result.er7) io.write(`${result.er7.replace(/\r/g, '\n')}`);
    if (values.explain) io.write(explain(result));
    else for (const i of result.issues.filter((x) => x.severity === 'error')) io.write(`# ${formatIssue(i)}\n`);
  }
  if (!result.ok || result.er7 === '') return 2;
  return result.issues.some((i) => i.severity === 'error') ? 1 : 0;
}

function explain(r: TranslationResult): string {
  const lines = ['', '# Lineage'];
  for (const l of r.lineage) {
    const named = parseLocation(l.v2);
    const d = describeField(l.segment, l.field ?? 0, named?.component, named?.subcomponent).label;
    const from = l.fhirPaths.length > 0 ? l.fhirPaths.join(', ') : '(no FHIR source)';
    lines.push(`${l.v2.padEnd(14)} ← ${from}${l.via ? `  [${l.via}]` : ''}   ${d}`);
  }
  lines.push('', `# Unmapped FHIR elements (${r.unmapped.length})`, ...r.unmapped);
  lines.push('', `# Issues (${r.issues.length})`, ...r.issues.map(formatIssue), '');
  return lines.join('\n');
}

function formatIssue(i: TranslationResult['issues'][number]): string {
  const where = [i.location, i.fhirPath].filter(Boolean).join(' ← ');
  return `${i.severity.toUpperCase()} ${i.code}${where ? ` (${where})` : ''}: ${i.message}`;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function readJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not JSON: ${(error as Error).message}`);
  }
}

function readOptions(file: string): TranslateOptions {
  const parsed = translateOptionsSchema.safeParse(readJson(readText(file), file));
  if (!parsed.success) {
    throw new UsageError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
