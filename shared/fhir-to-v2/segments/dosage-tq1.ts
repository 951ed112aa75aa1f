import type { Dosage, TimingRepeat } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2Leaf, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';
import { doseOf } from './medication';
import { unitsOf } from './observation-value';
import { priorityCe } from './request-obr';

const DAILY: Readonly<Record<number, string>> = { 1: 'QD', 2: 'BID', 3: 'TID', 4: 'QID' };

/** TQ1 ← one dosageInstruction (the IG's TQ1[MedicationRequest]). */
export function buildDosageTq1(
  ctx: MappingContext,
  dosage: Dosage,
  path: string,
  setId: number,
  priority: { code: string; path: string } | undefined,
): V2SegmentDraft {
  const timing = dosage.timing;
  const repeat = timing?.repeat;
  const rp = child(path, 'timing.repeat');
  const dose = doseOf(dosage, path);
  return new SegmentBuilder('TQ1')
    .set(1, ctx.fixed(String(setId), 'set ID'))
    .set(2, dose?.min !== undefined ? [ctx.leaf(dose.min, dose.minPath), unitsOf(ctx, dose.unit, dose.unitPath)] : undefined)
    .set(3, repeatPattern(ctx, dosage, path))
    .setRepeating(4, (repeat?.timeOfDay ?? []).map((t, i) => ctx.time(t, child(rp, 'timeOfDay', i), 'TQ1-4')))
    .set(6, quantityUnit(ctx, repeat?.boundsDuration?.value, repeat?.boundsDuration?.unit, child(rp, 'boundsDuration')))
    .set(7, ctx.dateTime(repeat?.boundsPeriod?.start, child(rp, 'boundsPeriod.start'), 'TQ1-7'))
    .set(8, ctx.dateTime(repeat?.boundsPeriod?.end, child(rp, 'boundsPeriod.end'), 'TQ1-8'))
    .set(9, priority ? priorityCe(ctx, priority) : undefined)
    .set(11, ctx.leaf(dosage.text, child(path, 'text')))
    .set(13, quantityUnit(ctx, repeat?.duration, repeat?.durationUnit, rp, 'duration'))
    .set(14, ctx.leaf(repeat?.count, child(rp, 'count'))).draft;
}

/**
 * TQ1-3 (RPT, table 0335): the timing's own code (GTS abbreviations such as BID share 0335's codes),
 * else derived from frequency / period (n per day → QD/BID/TID/QID, once every n hours → QnH),
 * else PRN for as-needed. Anything more complex stays in TQ1-11 text (AMBIGUOUS in the IG).
 */
function repeatPattern(ctx: MappingContext, dosage: Dosage, path: string): V2Value | undefined {
  const code = dosage.timing?.code?.coding?.[0]?.code;
  if (code) return [ctx.leaf(code, child(path, 'timing.code.coding[0].code'), 'timing code (table 0335)')];
  const derived = fromRepeat(dosage.timing?.repeat);
  const rp = child(path, 'timing.repeat');
  if (derived) return [ctx.leaf(derived, [child(rp, 'frequency'), child(rp, 'period'), child(rp, 'periodUnit')], `frequency / period → ${derived} (table 0335)`)];
  if (dosage.asNeededBoolean) return [ctx.leaf('PRN', child(path, 'asNeededBoolean'), 'as needed → PRN')];
  return undefined;
}

function fromRepeat(r: TimingRepeat | undefined): string | undefined {
  if (!r || r.period === undefined || !r.periodUnit) return undefined;
  const f = r.frequency ?? 1;
  if (r.periodUnit === 'd' && r.period === 1) return DAILY[f];
  if (r.periodUnit === 'h' && f === 1) return `Q${r.period}H`;
  return undefined;
}

/** CQ: quantity^units, the units as a CE in subcomponents (UCUM time units as they are). */
function quantityUnit(ctx: MappingContext, value: number | undefined, unit: string | undefined, path: string, key?: string): V2Value | undefined {
  if (value === undefined) return undefined;
  const valuePath = key ? child(path, key) : child(path, 'value');
  const unitPath = key ? child(path, `${key}Unit`) : child(path, 'unit');
  const units: (V2Leaf | undefined)[] = [ctx.leaf(unit, unitPath), undefined, unit ? ctx.fixed('UCUM', 'FHIR time units are UCUM') : undefined];
  return [ctx.leaf(value, valuePath), units];
}
