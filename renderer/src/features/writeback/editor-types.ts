import type { TextRange } from './fhir-json-locations';

/** A marker the page puts on the text (FHIR checks, translator input issues), by offsets. */
export interface EditorMarker extends TextRange {
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly source: string;
}

/** A problem the JSON language service found (syntax or schema), reported back to the issues list. */
export interface SchemaMarker {
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
}
