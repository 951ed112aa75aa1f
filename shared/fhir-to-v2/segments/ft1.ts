import type { ChargeItem, Organization } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import type { MappingContext } from '../context';
import { ceFromCoding, ceFromConcept } from '../datatypes/ce';
import { eiFromIdentifier } from '../datatypes/cx';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';

const CPT = new Set(['http://www.ama-assn.org/go/cpt', 'urn:oid:2.16.840.1.113883.6.285']);
const NDC = 'http://hl7.org/fhir/sid/ndc';

/**
 * FT1 ← ChargeItem. FHIR's mappings page confirms only identifier → FT1-2 and code → FT1-7;
 * the rest is a proposal (neither the IG nor LinuxForHealth maps FT1). FT1-4, -6, -7 are required.
 */
export function buildFt1(ctx: MappingContext, charge: Located<ChargeItem>, setId: number): V2SegmentDraft {
  const c = charge.resource;
  const path = charge.path;
  const ft1 = new SegmentBuilder('FT1').set(1, ctx.fixed(String(setId), 'set ID'));
  ft1.set(2, ctx.leaf(c.identifier?.[0]?.value, child(path, 'identifier[0].value')));
  ft1.set(4, transactionDate(ctx, charge), [child(path, 'occurrenceDateTime')]);
  ft1.set(5, ctx.dateTime(c.enteredDate, child(path, 'enteredDate'), 'FT1-5'));
  ft1.set(6, transactionType(ctx, charge));
  ft1.set(7, ceFromConcept(ctx, c.code, child(path, 'code'), 'FT1-7'), [child(path, 'code')]);
  ft1.set(8, ctx.leaf(c.code.text, child(path, 'code.text')));
  ft1.set(10, ctx.leaf(c.quantity?.value, child(path, 'quantity.value')));
  const price = c.priceOverride;
  if (price?.value !== undefined) {
    // CP.1 is MO (quantity & denomination), so the amount and currency are subcomponents.
    ft1.set(11, [[ctx.leaf(price.value, child(path, 'priceOverride.value')), ctx.leaf(price.currency, child(path, 'priceOverride.currency'))]]);
  }
  ft1.set(13, department(ctx, charge));
  ft1.setRepeating(19, (c.reason ?? []).map((r, i) => ceFromConcept(ctx, r, child(path, 'reason', i), 'FT1-19')));
  ft1.setRepeating(20, (c.performer ?? []).map((p, i) => {
    const pPath = child(path, 'performer', i);
    if (p.function) ctx.mark(child(pPath, 'function'));
    return xcnFromReference(ctx, p.actor, child(pPath, 'actor'), charge, 'FT1-20');
  }));
  ft1.set(23, serviceOrder(ctx, charge));
  ft1.set(24, xcnFromReference(ctx, c.enterer, child(path, 'enterer'), charge, 'FT1-24'));
  const cptIndex = (c.code.coding ?? []).findIndex((k) => CPT.has(k.system ?? ''));
  if (cptIndex >= 0) ft1.set(25, ceFromCoding(ctx, c.code.coding?.[cptIndex], child(path, `code.coding[${cptIndex}]`), 'FT1-25'));
  const ndcIndex = (c.productCodeableConcept?.coding ?? []).findIndex((k) => k.system === NDC);
  if (ndcIndex >= 0) ft1.set(29, ceFromCoding(ctx, c.productCodeableConcept?.coding?.[ndcIndex], child(path, `productCodeableConcept.coding[${ndcIndex}]`), 'FT1-29'));
  return ft1.draft;
}

/** FT1-4 (DR, required) ← occurrenceDateTime, or occurrencePeriod start / end. */
function transactionDate(ctx: MappingContext, charge: Located<ChargeItem>): V2Value | undefined {
  const c = charge.resource;
  if (c.occurrenceDateTime) return [ctx.dateTime(c.occurrenceDateTime, child(charge.path, 'occurrenceDateTime'), 'FT1-4.1')];
  if (c.occurrencePeriod) {
    return [ctx.dateTime(c.occurrencePeriod.start, child(charge.path, 'occurrencePeriod.start'), 'FT1-4.1'), ctx.dateTime(c.occurrencePeriod.end, child(charge.path, 'occurrencePeriod.end'), 'FT1-4.2')];
  }
  ctx.issue('warning', 'missing-occurrence', 'ChargeItem has no occurrenceDateTime or occurrencePeriod: FT1-4 (transaction date, required) is empty', child(charge.path, 'occurrenceDateTime'), 'FT1-4');
  return undefined;
}

/** FT1-6 (table 0017): a charge (CG); a credit (CD) reverses it when the charge was entered in error or is deleted. */
function transactionType(ctx: MappingContext, charge: Located<ChargeItem>): V2Value | undefined {
  if (charge.resource.status === 'entered-in-error') return ctx.leaf('CD', child(charge.path, 'status'), 'entered-in-error → CD (credit reverses the charge)');
  if (ctx.options.action === 'delete' || ctx.options.action === 'cancel') return ctx.fixed('CD', `action ${ctx.options.action} → CD (credit reverses the charge)`);
  ctx.mark(child(charge.path, 'status'));
  return ctx.fixed('CG', 'a charge (table 0017)');
}

/** FT1-13 (CE, user table 0049) ← costCenter: the Organization's identifier and name. */
function department(ctx: MappingContext, charge: Located<ChargeItem>): V2Value | undefined {
  const ref = charge.resource.costCenter;
  if (!ref) return undefined;
  const refPath = child(charge.path, 'costCenter');
  const target = ctx.input.resolve(ref, charge);
  if (target?.resource.resourceType !== 'Organization') return [undefined, ctx.leaf(ref.display, child(refPath, 'display'))];
  ctx.use(target);
  ctx.mark(child(refPath, 'reference'));
  const o = target.resource as Organization;
  return [ctx.leaf(o.identifier?.[0]?.value, child(target.path, 'identifier[0].value')), ctx.leaf(o.name, child(target.path, 'name'))];
}

/** FT1-23 ← the first service's identifier (the act that was performed and is now billed). */
function serviceOrder(ctx: MappingContext, charge: Located<ChargeItem>): V2Value | undefined {
  const ref = charge.resource.service?.[0];
  if (!ref) return undefined;
  const refPath = child(charge.path, 'service', 0);
  const target = ctx.input.resolve(ref, charge);
  const ids = (target?.resource as { identifier?: ChargeItem['identifier'] } | undefined)?.identifier;
  if (target && ids?.[0]) {
    ctx.mark(child(refPath, 'reference'));
    return eiFromIdentifier(ctx, ids[0], child(target.path, 'identifier', 0));
  }
  return eiFromIdentifier(ctx, ref.identifier, child(refPath, 'identifier'));
}
