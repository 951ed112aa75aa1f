import type { Er7Segment, IssueSeverity, LeafLineage } from '../hl7v2';

/** A problem in the input, the mapping or the produced message, located on both sides when possible. */
export interface TranslationIssue {
  readonly severity: IssueSeverity;
  readonly code: string;
  readonly message: string;
  /** Where it shows in the v2 message: `PID-5`, `OBX[2]-5.1`. */
  readonly location?: string;
  readonly segmentIndex?: number;
  readonly start?: number;
  readonly end?: number;
  /** The FHIR element to fix: `Observation.status`, `Bundle.entry[1].resource.code`. */
  readonly fhirPath?: string;
  /** input: the FHIR is wrong or incomplete; mapping: a choice the translator made; validation: the v2 fails 2.5.1. */
  readonly source: 'input' | 'mapping' | 'validation';
}

/** Where one populated v2 position came from. `v2` is e.g. `PID-5.1`; offsets point into `er7`. */
export type LineageEntry = LeafLineage;

export interface TranslationResult {
  /** False when nothing could be produced (`er7` is then empty and `issues` says why). */
  readonly ok: boolean;
  /** MSH-9 as sent, e.g. `ORU^R01^ORU_R01`. */
  readonly messageType: string;
  /** MSH-10. */
  readonly controlId: string;
  /** The message, segments terminated by CR. */
  readonly er7: string;
  readonly segments: readonly Er7Segment[];
  readonly lineage: readonly LineageEntry[];
  /** FHIR element paths of the input that no v2 field carries. */
  readonly unmapped: readonly string[];
  readonly issues: readonly TranslationIssue[];
}
