/**
 * A position in a message, printed the way people read them: `PID-5.1`, `OBX[3]-5`, `PID-3[2].4.1`.
 * The `[n]` after the segment is its occurrence (shown when the message holds more than one of it);
 * the `[n]` after the field is its repetition (shown from the second one on).
 */
export interface V2Location {
  readonly segment: string;
  /** 1-based occurrence of this segment name in the message. */
  readonly occurrence: number;
  /** Index of the segment in the message (0-based). */
  readonly segmentIndex: number;
  readonly field?: number;
  readonly repetition?: number;
  readonly component?: number;
  readonly subcomponent?: number;
}

export function formatLocation(loc: V2Location, showOccurrence: boolean): string {
  let out = loc.segment + (showOccurrence ? `[${loc.occurrence}]` : '');
  if (loc.field === undefined) return out;
  out += `-${loc.field}`;
  if (loc.repetition !== undefined && loc.repetition > 1) out += `[${loc.repetition}]`;
  if (loc.component === undefined) return out;
  out += `.${loc.component}`;
  if (loc.subcomponent === undefined) return out;
  return `${out}.${loc.subcomponent}`;
}

const LOCATION = /^([A-Z][A-Z0-9]{2})(?:\[(\d+)\])?(?:-(\d+)(?:\[(\d+)\])?(?:\.(\d+)(?:\.(\d+))?)?)?$/;

export interface ParsedLocation {
  segment: string;
  occurrence?: number;
  field?: number;
  repetition?: number;
  component?: number;
  subcomponent?: number;
}

/** Reads `PID-5.1` / `OBX[2]-5` back into its parts; undefined when it is not a location. */
export function parseLocation(text: string): ParsedLocation | undefined {
  const m = LOCATION.exec(text.trim());
  if (!m) return undefined;
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const out: ParsedLocation = { segment: m[1] as string };
  const [occurrence, field, repetition, component, subcomponent] = [m[2], m[3], m[4], m[5], m[6]].map(num);
  if (occurrence !== undefined) out.occurrence = occurrence;
  if (field !== undefined) out.field = field;
  if (repetition !== undefined) out.repetition = repetition;
  if (component !== undefined) out.component = component;
  if (subcomponent !== undefined) out.subcomponent = subcomponent;
  return out;
}
