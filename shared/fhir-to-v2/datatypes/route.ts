import type { CodeableConcept } from '@medplum/fhirtypes';
import type { V2Leaf } from '../../hl7v2';
import { mapCode, ROUTE } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';
import { ceFromConcept } from './ce';

const V3_ROUTE = 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration';

/** RXR-1 ← route: a v3 route coding becomes its table 0162 code; other codings (NCIT, HL70162) go as they are. */
export function routeCe(ctx: MappingContext, route: CodeableConcept | undefined, path: string, location: string): (V2Leaf | undefined)[] | undefined {
  const index = (route?.coding ?? []).findIndex((c) => c.system === V3_ROUTE && mapCode(ROUTE, c.code) !== undefined);
  const coding = index >= 0 ? route?.coding?.[index] : undefined;
  if (!coding) return ceFromConcept(ctx, route, path, location);
  const cPath = child(path, 'coding', index);
  const code = mapCode(ROUTE, coding.code);
  ctx.mark(child(cPath, 'system'));
  return [
    ctx.leaf(code, child(cPath, 'code'), `v3 route ${coding.code ?? ''} → ${code ?? ''} (table 0162)`),
    ctx.leaf(coding.display ?? route?.text, coding.display ? child(cPath, 'display') : child(path, 'text')),
    ctx.fixed('HL70162', 'HL7 table 0162'),
  ];
}
