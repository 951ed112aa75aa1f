/**
 * What the mapping builds before encoding: values with the FHIR paths they came from. Every leaf
 * carries its lineage, so the encoder can report, for each populated position in the ER7 text,
 * where it came from, without a second bookkeeping pass.
 */
export interface V2Leaf {
  readonly text: string;
  /** FHIR paths this value was read from (empty for values from options or rules). */
  readonly from: readonly string[];
  /** How the value was derived when it is not a plain copy: a code map, an option, a rule. */
  readonly via?: string;
  /** Already ER7-encoded (e.g. the explicit null `""`); the encoder must not escape it. */
  readonly raw?: boolean;
}

/** A component: a leaf, or its subcomponents. */
export type V2Component = V2Leaf | readonly (V2Leaf | undefined)[];
/** One repetition of a field: a leaf (primitive type), or its components. */
export type V2Value = V2Leaf | readonly (V2Component | undefined)[];

export interface V2SegmentDraft {
  readonly name: string;
  /** fields[n] = repetitions of field n; index 0 is unused. Not used for MSH-1/MSH-2. */
  readonly fields: (readonly V2Value[] | undefined)[];
  /** FHIR paths that would have filled a field that stayed empty, so issues can point at them. */
  readonly intended: Map<number, readonly string[]>;
}

export function leaf(text: string, from: readonly string[] = [], via?: string): V2Leaf {
  return via === undefined ? { text, from } : { text, from, via };
}

export function isLeaf(value: V2Value | V2Component): value is V2Leaf {
  return !Array.isArray(value);
}

export function isEmptyValue(value: V2Value | V2Component | undefined): boolean {
  if (value === undefined) return true;
  if (isLeaf(value)) return value.text === '';
  return value.every((part) => isEmptyValue(part));
}

/** Builds one segment; setting an empty value leaves the field empty but remembers its source. */
export class SegmentBuilder {
  readonly draft: V2SegmentDraft;

  constructor(name: string) {
    this.draft = { name, fields: [], intended: new Map() };
  }

  /** Sets field n to one value (or clears it when the value is empty). */
  set(position: number, value: V2Value | undefined, intendedFrom?: readonly string[]): this {
    return this.setRepeating(position, value === undefined ? [] : [value], intendedFrom);
  }

  setRepeating(position: number, values: readonly (V2Value | undefined)[], intendedFrom?: readonly string[]): this {
    const kept = values.filter((v): v is V2Value => !isEmptyValue(v));
    if (kept.length > 0) this.draft.fields[position] = kept;
    else if (intendedFrom !== undefined && intendedFrom.length > 0) this.draft.intended.set(position, intendedFrom);
    return this;
  }

  get(position: number): readonly V2Value[] | undefined {
    return this.draft.fields[position];
  }
}
