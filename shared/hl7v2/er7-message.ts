import type { Delimiters } from './delimiters';

/**
 * A message as ER7 text plus its tree, every node with its [start, end) offsets in `text`. The
 * encoder and the parser both produce this shape, so the editor can map a caret position to a
 * field (and back) whether the message was built here or pasted in.
 */
export interface Er7Message {
  readonly text: string;
  readonly delimiters: Delimiters;
  readonly segments: readonly Er7Segment[];
}

export interface Er7Span {
  readonly start: number;
  readonly end: number;
}

export interface Er7Segment extends Er7Span {
  readonly name: string;
  /** fields[i] is field i + 1. In MSH, field 1 is the field separator and field 2 the encoding characters. */
  readonly fields: readonly Er7Field[];
}

export interface Er7Field extends Er7Span {
  readonly position: number;
  /** Empty when the field is empty. */
  readonly repetitions: readonly Er7Repetition[];
}

export interface Er7Repetition extends Er7Span {
  readonly components: readonly Er7Component[];
}

export interface Er7Component extends Er7Span {
  readonly subcomponents: readonly Er7Subcomponent[];
}

export interface Er7Subcomponent extends Er7Span {
  /** Unescaped value. */
  readonly value: string;
}

/** Field n (1-based) of a segment, if present. */
export function fieldAt(segment: Er7Segment, position: number): Er7Field | undefined {
  return segment.fields[position - 1];
}

/** The unescaped value at field.component.subcomponent of the first repetition; '' when absent. */
export function valueAt(segment: Er7Segment, field: number, component = 1, subcomponent = 1, repetition = 1): string {
  return (
    fieldAt(segment, field)?.repetitions[repetition - 1]?.components[component - 1]?.subcomponents[subcomponent - 1]
      ?.value ?? ''
  );
}

export function isEmptyField(field: Er7Field | undefined): boolean {
  return field === undefined || field.repetitions.length === 0;
}

/** Every repetition's text as sent (escaped), for length checks. */
export function rawText(message: Er7Message, span: Er7Span): string {
  return message.text.slice(span.start, span.end);
}
