import type { Identifier } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2Leaf, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import { mapCode, ORDER_STATUS } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { eiFromIdentifier, identifierOfType } from '../datatypes/cx';
import { child } from '../fhir-path';

export interface OrderIds {
  readonly placer?: V2Value;
  readonly filler?: V2Value;
}

/**
 * Placer / filler numbers from identifiers typed PLAC / FILL (the IG's rule). An untyped identifier
 * is the placer's when the console places the order, or the filler's when it reports a done act.
 */
export function orderIds(ctx: MappingContext, ids: readonly Identifier[] | undefined, path: string, untypedIs: 'placer' | 'filler'): OrderIds {
  const at = (x: { id: Identifier; index: number } | undefined) => {
    if (!x) return undefined;
    // PLAC / FILL say which field the identifier goes to; being there is what carries the type.
    if (x.id.type) ctx.mark(child(child(path, 'identifier', x.index), 'type'));
    return eiFromIdentifier(ctx, x.id, child(path, 'identifier', x.index));
  };
  const untypedIndex = (ids ?? []).findIndex((i) => !i.type && i.value !== undefined);
  const untyped = untypedIndex >= 0 && ids?.[untypedIndex] ? { id: ids[untypedIndex], index: untypedIndex } : undefined;
  const placer = identifierOfType(ids, 'PLAC') ?? (untypedIs === 'placer' ? untyped : undefined);
  const filler = identifierOfType(ids, 'FILL') ?? (untypedIs === 'filler' ? untyped : undefined);
  return { placer: at(placer), filler: at(filler) };
}

/**
 * ORC-1 from the edit, not the status (table 0119): create → NW, cancel / delete → CA (the placer's
 * cancel request), an update putting the order on hold → HD, any other update → XO.
 */
export function orderControl(ctx: MappingContext, status: string | undefined, statusPath: string): V2Leaf | undefined {
  const action = ctx.options.action;
  if (action === 'create') return ctx.fixed('NW', 'action create → NW (new order)');
  if (action === 'cancel' || action === 'delete') return ctx.fixed('CA', `action ${action} → CA (cancel order request)`);
  if (status === 'on-hold') return ctx.leaf('HD', statusPath, 'update to on-hold → HD (hold order request)');
  return ctx.fixed('XO', 'action update → XO (change order request)');
}

/** ORC-5 (table 0038) from the request's status. */
export function orderStatus(ctx: MappingContext, status: string | undefined, statusPath: string): V2Leaf | undefined {
  const code = mapCode(ORDER_STATUS, status);
  if (status && !code) ctx.issue('warning', 'no-v2-code', `Status ${status} has no order status (table 0038); ORC-5 left empty`, statusPath, 'ORC-5');
  return code ? ctx.leaf(code, statusPath, `status ${status ?? ''} → ${code} (table 0038)`) : undefined;
}

export interface OrcFields {
  readonly control: V2Leaf | undefined;
  readonly ids: OrderIds;
  readonly placerGroup?: V2Value;
  readonly status?: V2Leaf;
  readonly timing?: V2Value;
  readonly transactionTime?: V2Leaf;
  readonly orderingProvider?: V2Value;
  readonly reason?: V2Value;
}

/** ORC for an order group (ORM, OML, OMP, RDE, VXU). */
export function buildOrc(f: OrcFields): V2SegmentDraft {
  return new SegmentBuilder('ORC')
    .set(1, f.control)
    .set(2, f.ids.placer)
    .set(3, f.ids.filler)
    .set(4, f.placerGroup)
    .set(5, f.status)
    .set(7, f.timing)
    .set(9, f.transactionTime)
    .set(12, f.orderingProvider)
    .set(16, f.reason).draft;
}
