import type { HumanName } from '@medplum/fhirtypes';
import type { V2Leaf } from '../../hl7v2';
import { mapCode, NAME_USE } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';

/**
 * XPN ← HumanName: family, first given, further givens joined by spaces (XPN.3 is one value),
 * suffix, prefix, name type (0200). XCN uses the same parts shifted by one, so both share this.
 */
export function nameParts(ctx: MappingContext, name: HumanName, path: string, location: string): (V2Leaf | undefined)[] {
  const given = name.given ?? [];
  const further = given.slice(1);
  const use = name.use ? mapCode(NAME_USE, name.use) : undefined;
  if (name.use && !use) {
    ctx.issue('warning', 'no-v2-code', `Name use "${name.use}" has no v2.5.1 name type (table 0200); XPN.7 left empty`, child(path, 'use'), location);
  }
  return [
    ctx.leaf(name.family ?? (given.length === 0 ? name.text : undefined), name.family ? child(path, 'family') : child(path, 'text')),
    ctx.leaf(given[0], child(path, 'given', 0)),
    further.length > 0 ? ctx.leaf(further.join(' '), further.map((_, i) => child(path, 'given', i + 1))) : undefined,
    ctx.leaf(name.suffix?.[0], child(path, 'suffix', 0)),
    ctx.leaf(name.prefix?.[0], child(path, 'prefix', 0)),
    undefined,
    use ? ctx.leaf(use, child(path, 'use'), `name use ${name.use} → ${use} (table 0200)`) : undefined,
  ];
}

/** Official names first: PID-5's first repetition is the legal name. */
export function orderedNames(names: readonly HumanName[] | undefined): { name: HumanName; index: number }[] {
  const all = (names ?? []).map((name, index) => ({ name, index }));
  return [...all.filter((n) => n.name.use === 'official'), ...all.filter((n) => n.name.use !== 'official')];
}
