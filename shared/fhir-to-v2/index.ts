/** FHIR R4 writeback → HL7 v2 (ER7), pure: the renderer previews and the core sends the same bytes. */
export { translate } from './translate';
export { resolveOptions, translateOptionsSchema, V2_VERSIONS } from './options';
export type { HdOption, ResolvedOptions, TranslateOptions } from './options';
export type { LineageEntry, TranslationIssue, TranslationResult } from './result';
export { lineageForFhirPath, lineageForV2 } from './lineage-lookup';
