export type IssueSeverity = 'error' | 'warning' | 'info';

/** A problem in a v2 message, located so the editor can jump to it. */
export interface V2Issue {
  readonly severity: IssueSeverity;
  /** Stable machine code, e.g. `required-field-missing`, `table-value`, `segment-unexpected`. */
  readonly code: string;
  readonly message: string;
  /** `PID-5`, `OBX[2]-5.1`, or `ORU_R01` for the structure as a whole. */
  readonly location?: string;
  readonly segmentIndex?: number;
  /** Offsets in the ER7 text, when the problem sits on something that is there. */
  readonly start?: number;
  readonly end?: number;
}
