import type { Location, Reference } from '@medplum/fhirtypes';
import type { V2Component } from '../../hl7v2';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';
import type { Located } from '../input';

/** PL.1 (point of care) is a 20-character code in 2.5.1; longer names go to PL.9 (description). */
const POINT_OF_CARE_MAX = 20;

/**
 * PL ← a reference to a Location: its identifier as the point of care and its name as the
 * description; without an identifier, a short name is the point of care. An unresolved reference
 * keeps its display.
 */
export function plFromLocation(
  ctx: MappingContext,
  ref: Reference | undefined,
  refPath: string,
  from: Located,
): (V2Component | undefined)[] | undefined {
  if (!ref) return undefined;
  const target = ctx.input.resolve(ref, from);
  if (target?.resource.resourceType !== 'Location') {
    const display = ref.display;
    if (!display) return undefined;
    return display.length <= POINT_OF_CARE_MAX
      ? [ctx.leaf(display, child(refPath, 'display'))]
      : descriptionOnly(ctx.leaf(display, child(refPath, 'display')));
  }
  ctx.use(target);
  ctx.mark(child(refPath, 'reference'));
  const l = target.resource as Location;
  const idIndex = (l.identifier ?? []).findIndex((i) => i.value !== undefined);
  const id = idIndex >= 0 ? ctx.leaf(l.identifier?.[idIndex]?.value, child(child(target.path, 'identifier', idIndex), 'value')) : undefined;
  const name = ctx.leaf(l.name, child(target.path, 'name'));
  if (id) return [id, ...descriptionOnly(name).slice(1)];
  if (name && name.text.length <= POINT_OF_CARE_MAX) return [name];
  return descriptionOnly(name);
}

function descriptionOnly(text: V2Component | undefined): (V2Component | undefined)[] {
  return [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, text];
}
