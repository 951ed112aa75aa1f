import type { V2Leaf } from '../../hl7v2';
import type { MappingContext } from '../context';
import type { HdOption } from '../options';

/** HD from an option value: `NAME` or {namespaceId, universalId, universalIdType}. */
export function hdFromOption(ctx: MappingContext, value: HdOption, via: string): (V2Leaf | undefined)[] {
  if (typeof value === 'string') return [ctx.fixed(value, via)];
  return [ctx.fixed(value.namespaceId, via), ctx.fixed(value.universalId, via), ctx.fixed(value.universalIdType, via)];
}

/** Well-known US identifier systems and the authority names v2 feeds commonly use for them. */
const DEFAULT_AUTHORITIES: Readonly<Record<string, HdOption>> = {
  'http://hl7.org/fhir/sid/us-npi': 'NPI',
  'http://hl7.org/fhir/sid/us-ssn': 'SSA',
  'http://hl7.org/fhir/sid/us-medicare': 'CMS',
};

/**
 * Assigning authority for an identifier system: the destination's table first, then the IG's
 * reverse rule (urn:oid → &oid&ISO, urn:uuid → &uuid&UUID); other URIs need a table entry.
 */
export function assigningAuthority(
  ctx: MappingContext,
  system: string | undefined,
  path: string,
): (V2Leaf | undefined)[] | undefined {
  if (!system) return undefined;
  const configured = ctx.options.assigningAuthorities[system] ?? DEFAULT_AUTHORITIES[system];
  if (configured !== undefined) {
    ctx.mark(path);
    const via = ctx.options.assigningAuthorities[system] ? `options.assigningAuthorities["${system}"]` : `default authority for ${system}`;
    if (typeof configured === 'string') return [ctx.leaf(configured, path, via)];
    return [
      ctx.leaf(configured.namespaceId, path, via),
      ctx.leaf(configured.universalId, path, via),
      ctx.leaf(configured.universalIdType, path, via),
    ];
  }
  if (system.startsWith('urn:oid:')) return [undefined, ctx.leaf(system.slice(8), path, 'urn:oid → ISO'), ctx.fixed('ISO', 'urn:oid')];
  if (system.startsWith('urn:uuid:')) return [undefined, ctx.leaf(system.slice(9), path, 'urn:uuid → UUID'), ctx.fixed('UUID', 'urn:uuid')];
  ctx.issue(
    'warning',
    'unknown-identifier-system',
    `No assigning authority for identifier system ${system}; sent as a universal ID of type URI. Add it to the destination's assigningAuthorities.`,
    path,
  );
  return [undefined, ctx.leaf(system, path, 'system URI as universal ID'), ctx.fixed('URI', 'no assigning authority configured')];
}
