import type { Address } from '@medplum/fhirtypes';
import type { V2Component } from '../../hl7v2';
import { ADDRESS_USE, mapCode } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';

/** XAD ← Address; address type (0190) from use, or M (mailing) for type=postal. */
export function xadFromAddress(ctx: MappingContext, a: Address, path: string, location: string): (V2Component | undefined)[] {
  const type = a.use ? mapCode(ADDRESS_USE, a.use) : a.type === 'postal' ? 'M' : undefined;
  const typePath = a.use ? child(path, 'use') : child(path, 'type');
  return [
    ctx.leaf(a.line?.[0], child(path, 'line', 0)),
    ctx.leaf(a.line?.slice(1).join(', '), (a.line ?? []).slice(1).map((_, i) => child(path, 'line', i + 1))),
    ctx.leaf(a.city, child(path, 'city')),
    ctx.leaf(a.state, child(path, 'state')),
    ctx.leaf(a.postalCode, child(path, 'postalCode')),
    ctx.leaf(a.country, child(path, 'country')),
    type ? ctx.leaf(type, typePath, `address ${a.use ?? a.type} → ${type} (table 0190)`) : undefined,
    undefined,
    ctx.leaf(a.district, child(path, 'district')),
    undefined,
    undefined,
    undefined,
    ctx.dateTime(a.period?.start, child(path, 'period.start'), location),
    ctx.dateTime(a.period?.end, child(path, 'period.end'), location),
  ];
}
