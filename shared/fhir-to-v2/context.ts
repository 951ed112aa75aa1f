import { leaf, toV2Date, toV2DateTime, toV2Time, type DateConversion, type V2Leaf } from '../hl7v2';
import type { Located, NormalizedInput } from './input';
import type { ResolvedOptions } from './options';
import type { TranslationIssue } from './result';

/**
 * What every mapping function shares: the input (to follow references), the options, and the
 * bookkeeping that makes the result explainable: issues, the FHIR paths consumed, the resources used.
 */
export class MappingContext {
  readonly issues: TranslationIssue[] = [];
  readonly consumed = new Set<string>();
  readonly used = new Set<Located>();

  constructor(
    readonly input: NormalizedInput,
    readonly options: ResolvedOptions,
  ) {}

  use(located: Located): void {
    this.used.add(located);
  }

  /** A leaf read from FHIR: records the path as mapped. Empty or missing text gives undefined. */
  leaf(text: string | number | boolean | undefined, paths: string | readonly string[], via?: string): V2Leaf | undefined {
    if (text === undefined || text === '') return undefined;
    const from = typeof paths === 'string' ? [paths] : paths;
    for (const p of from) this.consumed.add(p);
    return leaf(String(text), from, via);
  }

  /** A value from options or a rule, not from the input. */
  fixed(text: string | undefined, via: string): V2Leaf | undefined {
    return text === undefined || text === '' ? undefined : leaf(text, [], via);
  }

  /** Marks paths as consumed without emitting them (references followed, values folded elsewhere). */
  mark(...paths: string[]): void {
    for (const p of paths) this.consumed.add(p);
  }

  issue(
    severity: TranslationIssue['severity'],
    code: string,
    message: string,
    fhirPath?: string,
    location?: string,
  ): void {
    this.issues.push({
      severity,
      code,
      message,
      source: 'input',
      ...(fhirPath === undefined ? {} : { fhirPath }),
      ...(location === undefined ? {} : { location }),
    });
  }

  /** A choice made where the mapping is ambiguous, so the user sees it rather than guesses it. */
  note(message: string, fhirPath?: string, location?: string): void {
    this.issues.push({
      severity: 'info',
      code: 'mapping-choice',
      message,
      source: 'mapping',
      ...(fhirPath === undefined ? {} : { fhirPath }),
      ...(location === undefined ? {} : { location }),
    });
  }

  dateTime(value: string | undefined, path: string, location: string): V2Leaf | undefined {
    return this.convert(value, path, location, toV2DateTime);
  }

  date(value: string | undefined, path: string, location: string): V2Leaf | undefined {
    return this.convert(value, path, location, toV2Date);
  }

  time(value: string | undefined, path: string, location: string): V2Leaf | undefined {
    return this.convert(value, path, location, toV2Time);
  }

  private convert(
    value: string | undefined,
    path: string,
    location: string,
    fn: (v: string) => DateConversion,
  ): V2Leaf | undefined {
    if (value === undefined) return undefined;
    const r = fn(value);
    if (!r.ok) {
      this.issue('error', 'invalid-date', `${r.error} (for ${location})`, path, location);
      return undefined;
    }
    if (r.warning) this.issue('warning', 'date-precision', r.warning, path, location);
    return this.leaf(r.value, path);
  }
}
