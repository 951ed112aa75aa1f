import type { Practitioner, PractitionerRole, Reference } from '@medplum/fhirtypes';
import type { V2Component } from '../../hl7v2';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { assigningAuthority } from './hd';
import { nameParts } from './xpn';

/**
 * XCN ← a reference to a Practitioner (directly or through PractitionerRole): ID (NPI preferred),
 * name, assigning authority, identifier type. An unresolved reference keeps its display as the name.
 */
export function xcnFromReference(
  ctx: MappingContext,
  ref: Reference | undefined,
  refPath: string,
  from: Located,
  location: string,
): (V2Component | undefined)[] | undefined {
  if (!ref) return undefined;
  let target = ctx.input.resolve(ref, from);
  if (target?.resource.resourceType === 'PractitionerRole') {
    ctx.use(target);
    const role = target as Located<PractitionerRole>;
    const practitionerPath = child(role.path, 'practitioner');
    ctx.mark(practitionerPath);
    target = ctx.input.resolve(role.resource.practitioner, role);
  }
  if (target?.resource.resourceType !== 'Practitioner') {
    if (!ref.display) return undefined;
    ctx.mark(child(refPath, 'reference'));
    return [undefined, ctx.leaf(ref.display, child(refPath, 'display'), 'reference display (Practitioner not in the input)')];
  }
  ctx.use(target);
  ctx.mark(child(refPath, 'reference'));
  const p = target as Located<Practitioner>;
  const ids = p.resource.identifier ?? [];
  let idIndex = ids.findIndex((i) => i.system === 'http://hl7.org/fhir/sid/us-npi');
  if (idIndex < 0) idIndex = ids.findIndex((i) => i.value !== undefined);
  const id = idIndex >= 0 ? ids[idIndex] : undefined;
  const idPath = child(p.path, 'identifier', idIndex);
  const nameIndex = Math.max(0, (p.resource.name ?? []).findIndex((n) => n.use === 'official'));
  const name = p.resource.name?.[nameIndex];
  const parts = name ? nameParts(ctx, name, child(p.path, 'name', nameIndex), location) : [];
  const npi = id?.system === 'http://hl7.org/fhir/sid/us-npi';
  return [
    ctx.leaf(id?.value, child(idPath, 'value')),
    parts[0],
    parts[1],
    parts[2],
    parts[3],
    parts[4],
    undefined,
    undefined,
    id ? assigningAuthority(ctx, id.system, child(idPath, 'system')) : undefined,
    parts[6],
    undefined,
    undefined,
    npi ? ctx.fixed('NPI', 'identifier system us-npi') : ctx.leaf(id?.type?.coding?.[0]?.code, child(idPath, 'type.coding[0].code')),
  ];
}
