import { type Delimiters, encodingCharacters } from './delimiters';
import { isLeaf, type V2Component, type V2Leaf, type V2SegmentDraft, type V2Value } from './draft';
import type { Er7Component, Er7Field, Er7Message, Er7Repetition, Er7Segment, Er7Subcomponent } from './er7-message';
import { escapeValue } from './escape';
import { formatLocation, type V2Location } from './location';

/** One populated leaf of the ER7 text and where it came from. */
export interface LeafLineage extends V2Location {
  /** e.g. `PID-5.1`, `OBX[2]-5`. */
  readonly v2: string;
  readonly fhirPaths: readonly string[];
  readonly via?: string;
  readonly start: number;
  readonly end: number;
}

/** A field left empty that the mapping would have filled from these FHIR paths. */
export interface IntendedSource {
  readonly v2: string;
  readonly segmentIndex: number;
  readonly fhirPaths: readonly string[];
}

export interface EncodedMessage {
  readonly message: Er7Message;
  readonly lineage: readonly LeafLineage[];
  readonly intended: readonly IntendedSource[];
}

type Normalized = (V2Leaf | undefined)[][]; // components → subcomponents

/**
 * Encodes segment drafts as ER7: escapes every leaf, drops trailing empty fields, repetitions,
 * components and subcomponents, and terminates every segment with CR.
 */
export function encodeMessage(drafts: readonly V2SegmentDraft[], d: Delimiters): EncodedMessage {
  const counts = new Map<string, number>();
  for (const s of drafts) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  const chunks: string[] = [];
  const segments: Er7Segment[] = [];
  const lineage: LeafLineage[] = [];
  const intended: IntendedSource[] = [];
  let offset = 0;
  const emit = (s: string) => {
    chunks.push(s);
    offset += s.length;
  };

  drafts.forEach((draft, segmentIndex) => {
    const occurrence = (seen.get(draft.name) ?? 0) + 1;
    seen.set(draft.name, occurrence);
    const showOccurrence = (counts.get(draft.name) ?? 0) > 1;
    const base = { segment: draft.name, occurrence, segmentIndex };
    const segStart = offset;
    const fields: Er7Field[] = [];
    emit(draft.name);
    let first = 1;
    if (draft.name === 'MSH') {
      const enc = encodingCharacters(d);
      fields.push(primitiveField(1, offset, d.field));
      emit(d.field);
      fields.push(primitiveField(2, offset, enc));
      emit(enc);
      first = 3;
    }
    let last = draft.fields.length - 1;
    while (last >= first && draft.fields[last] === undefined) last--;
    for (let position = first; position <= last; position++) {
      emit(d.field);
      const fieldStart = offset;
      const reps: Er7Repetition[] = [];
      const values = draft.fields[position] ?? [];
      values.forEach((value, r) => {
        if (r > 0) emit(d.repetition);
        const repStart = offset;
        const comps: Er7Component[] = [];
        const normalized = normalize(value);
        const composite = !isLeaf(value);
        normalized.forEach((subs, c) => {
          const original = composite ? (value as readonly (V2Component | undefined)[])[c] : undefined;
          const hasSubcomponents = original !== undefined && !isLeaf(original);
          if (c > 0) emit(d.component);
          const compStart = offset;
          const subOut: Er7Subcomponent[] = [];
          subs.forEach((lf, s) => {
            if (s > 0) emit(d.subcomponent);
            const start = offset;
            const text = lf === undefined ? '' : lf.raw ? lf.text : escapeValue(lf.text, d);
            emit(text);
            subOut.push({ start, end: offset, value: lf?.text ?? '' });
            if (lf !== undefined && lf.text !== '') {
              const loc: V2Location = {
                ...base,
                field: position,
                repetition: r + 1,
                component: c + 1,
                subcomponent: s + 1,
              };
              // Name leaves at the level the data type has: PID-7 (TS), PID-5.1 (XPN), PID-3.4.2 (CX/HD).
              const named: V2Location = {
                ...loc,
                component: composite ? c + 1 : undefined,
                subcomponent: hasSubcomponents ? s + 1 : undefined,
              };
              const entry: LeafLineage = {
                ...loc,
                v2: formatLocation(named, showOccurrence),
                fhirPaths: lf.from,
                start,
                end: offset,
                ...(lf.via === undefined ? {} : { via: lf.via }),
              };
              lineage.push(entry);
            }
          });
          comps.push({ start: compStart, end: offset, subcomponents: subOut });
        });
        reps.push({ start: repStart, end: offset, components: comps });
      });
      fields.push({ position, start: fieldStart, end: offset, repetitions: reps });
    }
    for (const [position, fhirPaths] of draft.intended) {
      if (draft.fields[position] === undefined) {
        intended.push({ v2: formatLocation({ ...base, field: position }, showOccurrence), segmentIndex, fhirPaths });
      }
    }
    segments.push({ name: draft.name, start: segStart, end: offset, fields });
    emit('\r');
  });
  return { message: { text: chunks.join(''), delimiters: d, segments }, lineage, intended };
}

function primitiveField(position: number, start: number, value: string): Er7Field {
  const end = start + value.length;
  const sub = { start, end, value };
  return { position, start, end, repetitions: [{ start, end, components: [{ start, end, subcomponents: [sub] }] }] };
}

/** Shapes a value into components × subcomponents and trims trailing empties at both levels. */
function normalize(value: V2Value): Normalized {
  if (isLeaf(value)) return [[value]];
  const comps: Normalized = value.map((c) => normalizeComponent(c));
  while (comps.length > 1 && isEmptyComponent(comps[comps.length - 1] as (V2Leaf | undefined)[])) comps.pop();
  return comps;
}

function normalizeComponent(component: V2Component | undefined): (V2Leaf | undefined)[] {
  if (component === undefined) return [undefined];
  if (isLeaf(component)) return [component];
  const subs = [...component];
  while (subs.length > 1 && (subs[subs.length - 1]?.text ?? '') === '') subs.pop();
  return subs.length === 0 ? [undefined] : subs;
}

function isEmptyComponent(subs: readonly (V2Leaf | undefined)[]): boolean {
  return subs.every((s) => s === undefined || s.text === '');
}
