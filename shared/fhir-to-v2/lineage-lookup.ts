import { isWithin } from './fhir-path';
import type { LineageEntry, TranslationResult } from './result';

/** v2 positions produced from a FHIR element or anything inside it (FHIR JSON → v2 highlighting). */
export function lineageForFhirPath(result: TranslationResult, fhirPath: string): LineageEntry[] {
  return result.lineage.filter((l) => l.fhirPaths.some((p) => isWithin(p, fhirPath) || isWithin(fhirPath, p)));
}

/** Lineage entries under a v2 position: `PID-5` gives PID-5.1, PID-5.2…; `OBX[2]-5` the second OBX's value. */
export function lineageForV2(result: TranslationResult, location: string): LineageEntry[] {
  return result.lineage.filter((l) => l.v2 === location || l.v2.startsWith(`${location}.`) || l.v2.startsWith(`${location}[`));
}
