import type { AckDetail, AckErrorDetail } from '../contract/writeback';
import type { LineageEntry } from '../fhir-to-v2/result';
import {
  describeField,
  formatLocation,
  tableDefinition,
  type AckError,
  type AckSummary,
  type Er7Segment,
  type V2Location,
} from '../hl7v2';

/** What MSA-1 means, for people. */
export const ACK_CODE_MEANING: Readonly<Record<string, string>> = {
  AA: 'Application accept: the receiver processed the message.',
  AE: 'Application error: the receiver could not process the message; fix it before sending it again.',
  AR: 'Application reject: the receiver refused the message (message type, version or processing ID, or a problem on its side).',
  CA: 'Commit accept: the receiver stored the message safely; it will process it later.',
  CE: 'Commit error: the receiver could not store the message.',
  CR: 'Commit reject: the receiver refused the message (often the message type, version or processing ID, or a duplicate control id).',
};

export const ACCEPT_CODES: ReadonlySet<string> = new Set(['AA', 'CA']);
export const REJECT_CODES: ReadonlySet<string> = new Set(['AE', 'AR', 'CE', 'CR']);

const SEVERITY: Record<string, AckErrorDetail['severity']> = { E: 'error', W: 'warning', I: 'information' };

/** Where an ERR points, read from ERR-2 (ERL) or, for older receivers, ERR-1 (ELD). */
export interface ErrPosition {
  readonly segment: string;
  readonly occurrence: number;
  readonly field?: number;
  readonly repetition?: number;
  readonly component?: number;
  readonly subcomponent?: number;
}

/** `PID^1^7` / `OBX^2^5^1^1` → its parts; null when it names no segment. */
export function parseErrLocation(text: string): ErrPosition | null {
  const parts = text.split(/[\^&]/).map((p) => p.trim());
  const segment = parts[0] ?? '';
  if (!/^[A-Z][A-Z0-9]{2}$/.test(segment)) return null;
  const num = (s: string | undefined) => {
    const n = s === undefined || s === '' ? NaN : Number(s);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const position: { -readonly [K in keyof ErrPosition]: ErrPosition[K] } = { segment, occurrence: num(parts[1]) ?? 1 };
  const field = num(parts[2]);
  if (field === undefined) return position;
  position.field = field;
  const repetition = num(parts[3]);
  if (repetition !== undefined) position.repetition = repetition;
  const component = num(parts[4]);
  if (component === undefined) return position;
  position.component = component;
  const subcomponent = num(parts[5]);
  if (subcomponent !== undefined) position.subcomponent = subcomponent;
  return position;
}

export interface SentMessageInfo {
  /** The lineage of the message as sent (translator output, kept with the writeback). */
  readonly lineage: readonly LineageEntry[];
  /** How many segments of each name the sent message holds (for `OBX[2]` notation). */
  readonly segmentCounts: Readonly<Record<string, number>>;
}

/** An ACK in plain words, each ERR mapped to its field and, through lineage, to the FHIR input. */
export function explainAck(ack: AckSummary, sent: SentMessageInfo | null): AckDetail {
  return {
    code: ack.code,
    controlId: ack.controlId,
    text: ack.text,
    ackControlId: ack.ackControlId,
    meaning: ACK_CODE_MEANING[ack.code] ?? (ack.code === '' ? 'The answer has no MSA segment.' : `Unknown acknowledgement code "${ack.code}".`),
    errors: ack.errors.map((e, i) => explainErr(e, legacyText(ack.message.segments.filter((s) => s.name === 'ERR')[i]), sent)),
  };
}

/** ERR-1 whole (`PID^1^5^101&Required field missing`); `AckError.legacy` keeps its first component only. */
function legacyText(err: Er7Segment | undefined): string {
  const first = err?.fields[0]?.repetitions[0];
  if (!first) return '';
  return first.components.map((c) => c.subcomponents.map((s) => s.value).join('&')).join('^').replace(/\^+$/, '');
}

function explainErr(err: AckError, legacy: string, sent: SentMessageInfo | null): AckErrorDetail {
  const rawLocation = err.location !== '' ? err.location : legacy;
  // ELD is segment ^ sequence ^ field ^ code: only its first three components are a position.
  const position = err.location !== '' ? parseErrLocation(err.location) : legacy ? parseErrLocation(legacy.split('^').slice(0, 3).join('^')) : null;
  // ERR-1 (ELD) carries its code in the 4th component: `PID^1^7^101&Required field missing`.
  const legacyCode = err.code === '' && legacy ? ((legacy.split('^')[3] ?? '').split('&')[0] ?? '') : '';
  const code = err.code !== '' ? err.code : legacyCode;
  const codeMeaning = tableDefinition(357)?.values[code] ?? (err.codeText !== '' ? err.codeText : null);
  let v2Location: string | null = null;
  let fieldLabel: string | null = null;
  let fhirPaths: string[] = [];
  if (position) {
    const loc: V2Location = {
      segment: position.segment,
      occurrence: position.occurrence,
      segmentIndex: -1,
      ...(position.field === undefined ? {} : { field: position.field }),
      ...(position.repetition === undefined ? {} : { repetition: position.repetition }),
      ...(position.component === undefined ? {} : { component: position.component }),
      ...(position.subcomponent === undefined ? {} : { subcomponent: position.subcomponent }),
    };
    const many = (sent?.segmentCounts[position.segment] ?? 1) > 1 || position.occurrence > 1;
    v2Location = formatLocation(loc, many);
    if (position.field !== undefined) {
      fieldLabel = describeField(position.segment, position.field, position.component, position.subcomponent).label;
    }
    if (sent) fhirPaths = fhirPathsAt(sent.lineage, position);
  }
  const severity = SEVERITY[err.severity] ?? 'unknown';
  return {
    location: rawLocation,
    v2Location,
    fieldLabel,
    code,
    codeMeaning,
    severity,
    diagnostic: err.diagnostic,
    userMessage: err.userMessage,
    explanation: sentence({ code, codeMeaning, severity, fieldLabel, v2Location, fhirPaths, err }),
    fhirPaths,
  };
}

/** FHIR elements that filled the position (any component under it when the ERR names a field). */
export function fhirPathsAt(lineage: readonly LineageEntry[], p: ErrPosition): string[] {
  const paths = new Set<string>();
  for (const l of lineage) {
    if (l.segment !== p.segment || l.occurrence !== p.occurrence) continue;
    if (p.field !== undefined && l.field !== p.field) continue;
    if (p.repetition !== undefined && (l.repetition ?? 1) !== p.repetition) continue;
    if (p.component !== undefined && l.component !== undefined && l.component !== p.component) continue;
    if (p.subcomponent !== undefined && l.subcomponent !== undefined && l.subcomponent !== p.subcomponent) continue;
    for (const path of l.fhirPaths) paths.add(path);
  }
  return [...paths];
}

function sentence(a: {
  code: string;
  codeMeaning: string | null;
  severity: AckErrorDetail['severity'];
  fieldLabel: string | null;
  v2Location: string | null;
  fhirPaths: readonly string[];
  err: AckError;
}): string {
  const what = a.codeMeaning ? `${lowerFirst(a.codeMeaning)}${a.code ? ` (${a.code})` : ''}` : a.code ? `error ${a.code}` : 'a problem';
  const kind = a.severity === 'warning' ? 'a warning' : a.severity === 'information' ? 'a note' : 'an error';
  let text = `The receiver reports ${kind}: ${what}`;
  if (a.fieldLabel ?? a.v2Location) text += ` at ${a.fieldLabel ?? a.v2Location}`;
  text += '.';
  if (a.fhirPaths.length > 0) text += ` That field was filled from ${a.fhirPaths.join(', ')}.`;
  else if (a.v2Location) text += ' No element of the input filled that field.';
  const said = a.err.userMessage || a.err.diagnostic;
  if (said) text += ` It says: “${said}”.`;
  return text;
}

const lowerFirst = (s: string) => (s.length > 1 && s[1] === s[1]?.toLowerCase() ? s[0]?.toLowerCase() + s.slice(1) : s);
