import type { Identifier } from '@medplum/fhirtypes';
import type { V2Component } from '../../hl7v2';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';
import { assigningAuthority } from './hd';

/** CX ← Identifier: value, assigning authority (HD), identifier type (0203), validity period. */
export function cxFromIdentifier(
  ctx: MappingContext,
  id: Identifier,
  path: string,
  location: string,
): (V2Component | undefined)[] | undefined {
  if (!id.value) {
    ctx.issue('warning', 'identifier-without-value', `Identifier has no value; left out of ${location}`, path, location);
    return undefined;
  }
  const type = id.type?.coding?.[0]?.code;
  // The type's coding system is v2-0203 by definition of CX.5; nothing else to carry.
  if (type !== undefined) ctx.mark(child(path, 'type.coding[0].system'), child(path, 'type.coding[0].display'), child(path, 'type.text'));
  return [
    ctx.leaf(id.value, child(path, 'value')),
    undefined,
    undefined,
    assigningAuthority(ctx, id.system, child(path, 'system')) ?? assignerName(ctx, id, path),
    ctx.leaf(type, child(child(path, 'type'), 'coding[0].code')),
    undefined,
    ctx.date(id.period?.start, child(path, 'period.start'), location),
    ctx.date(id.period?.end, child(path, 'period.end'), location),
  ];
}

function assignerName(ctx: MappingContext, id: Identifier, path: string): V2Component | undefined {
  return ctx.leaf(id.assigner?.display, child(path, 'assigner.display'));
}

/** EI ← Identifier: entity ID, then the assigning authority's namespace / universal ID / type. */
export function eiFromIdentifier(
  ctx: MappingContext,
  id: Identifier | undefined,
  path: string,
): (V2Component | undefined)[] | undefined {
  if (!id?.value) return undefined;
  const hd = assigningAuthority(ctx, id.system, child(path, 'system')) ?? [];
  return [ctx.leaf(id.value, child(path, 'value')), ...hd];
}

/** Finds an identifier by its v2-0203 type code (PLAC, FILL, MR, VN…). */
export function identifierOfType(
  ids: readonly Identifier[] | undefined,
  code: string,
): { id: Identifier; index: number } | undefined {
  const index = (ids ?? []).findIndex((i) => i.type?.coding?.some((c) => c.code === code));
  const id = index >= 0 ? ids?.[index] : undefined;
  return id ? { id, index } : undefined;
}
