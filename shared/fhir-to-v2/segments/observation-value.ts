import type { Attachment, Observation, ObservationComponent, Quantity } from '@medplum/fhirtypes';
import type { V2Component, V2Leaf, V2Value } from '../../hl7v2';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { child } from '../fhir-path';

/** The value part of an Observation or one of its components. */
export type ValueCarrier = Pick<
  Observation & ObservationComponent,
  | 'valueQuantity' | 'valueCodeableConcept' | 'valueString' | 'valueBoolean' | 'valueInteger' | 'valueRange'
  | 'valueRatio' | 'valueSampledData' | 'valueTime' | 'valueDateTime' | 'valuePeriod' | 'dataAbsentReason'
> & { valueAttachment?: Attachment; extension?: Observation['extension'] };

export interface ObxValue {
  /** OBX-2 (table 0125). */
  readonly type: string;
  readonly typeVia: string;
  readonly typeFrom: string;
  /** OBX-5 repetitions. */
  readonly values: readonly V2Value[];
  /** OBX-6. */
  readonly units?: readonly (V2Leaf | undefined)[];
}

/** Above this, text goes as TX rather than ST (ST is limited to 199 characters in 2.5.1 OBX-5 use). */
const ST_MAX = 199;
const R5_VALUE_ATTACHMENT = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Observation.value';

/** value[x] → OBX-2 / OBX-5 / OBX-6 (reverse of the IG's conditional OBX-5 rows). */
export function observationValue(ctx: MappingContext, v: ValueCarrier, path: string, location: string): ObxValue | undefined {
  const at = (k: string) => child(path, k);
  if (v.valueQuantity) return quantity(ctx, v.valueQuantity, at('valueQuantity'));
  if (v.valueInteger !== undefined) return { type: 'NM', typeVia: 'valueInteger → NM', typeFrom: at('valueInteger'), values: [leafOf(ctx, v.valueInteger, at('valueInteger'))] };
  if (v.valueCodeableConcept) {
    const ce = ceFromConcept(ctx, v.valueCodeableConcept, at('valueCodeableConcept'), location);
    return { type: 'CE', typeVia: 'valueCodeableConcept → CE', typeFrom: at('valueCodeableConcept'), values: ce ? [ce] : [] };
  }
  if (v.valueString !== undefined) {
    const multiLine = /[\r\n]/.test(v.valueString);
    const type = multiLine ? 'FT' : v.valueString.length > ST_MAX ? 'TX' : 'ST';
    const why = multiLine ? 'multi-line text → FT (line breaks as \\.br\\)' : type === 'TX' ? `text over ${ST_MAX} characters → TX` : 'valueString → ST';
    return { type, typeVia: why, typeFrom: at('valueString'), values: [leafOf(ctx, v.valueString, at('valueString'))] };
  }
  if (v.valueBoolean !== undefined) {
    ctx.note('valueBoolean has no IG rule; sent as CE Y/N from table 0136', at('valueBoolean'), location);
    const p = at('valueBoolean');
    const yes = v.valueBoolean;
    return {
      type: 'CE',
      typeVia: 'valueBoolean → CE (table 0136)',
      typeFrom: p,
      values: [[leafOf(ctx, yes ? 'Y' : 'N', p, 'boolean → Y/N'), ctx.fixed(yes ? 'Yes' : 'No', 'table 0136 display'), ctx.fixed('HL70136', 'table 0136')]],
    };
  }
  if (v.valueRange) {
    const p = at('valueRange');
    const { low, high } = v.valueRange;
    return {
      type: 'SN',
      typeVia: 'valueRange → SN (low-high)',
      typeFrom: p,
      values: [[undefined, ctx.leaf(low?.value, child(p, 'low.value')), ctx.fixed('-', 'SN range separator'), ctx.leaf(high?.value, child(p, 'high.value'))]],
      units: unitsOf(ctx, low ?? high, child(p, low ? 'low' : 'high')),
    };
  }
  if (v.valueRatio) {
    const p = at('valueRatio');
    const { numerator, denominator } = v.valueRatio;
    return {
      type: 'SN',
      typeVia: 'valueRatio → SN (num:den)',
      typeFrom: p,
      values: [[undefined, ctx.leaf(numerator?.value, child(p, 'numerator.value')), ctx.fixed(':', 'SN ratio separator'), ctx.leaf(denominator?.value, child(p, 'denominator.value'))]],
      units: unitsOf(ctx, numerator, child(p, 'numerator')),
    };
  }
  if (v.valueDateTime !== undefined) {
    const p = at('valueDateTime');
    const dateOnly = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v.valueDateTime);
    const value = dateOnly ? ctx.date(v.valueDateTime, p, location) : ctx.dateTime(v.valueDateTime, p, location);
    return { type: dateOnly ? 'DT' : 'TS', typeVia: dateOnly ? 'date-only valueDateTime → DT' : 'valueDateTime → TS', typeFrom: p, values: value ? [value] : [] };
  }
  if (v.valueTime !== undefined) {
    const value = ctx.time(v.valueTime, at('valueTime'), location);
    return { type: 'TM', typeVia: 'valueTime → TM', typeFrom: at('valueTime'), values: value ? [value] : [] };
  }
  if (v.valuePeriod) {
    const p = at('valuePeriod');
    return {
      type: 'DR',
      typeVia: 'valuePeriod → DR',
      typeFrom: p,
      values: [[ctx.dateTime(v.valuePeriod.start, child(p, 'start'), location), ctx.dateTime(v.valuePeriod.end, child(p, 'end'), location)]],
    };
  }
  if (v.valueSampledData) return sampled(ctx, v, at('valueSampledData'), location);
  const attachmentIndex = (v.extension ?? []).findIndex((e) => e.url === R5_VALUE_ATTACHMENT && e.valueAttachment);
  const attachment = v.valueAttachment ?? v.extension?.[attachmentIndex]?.valueAttachment;
  if (attachment) {
    const p = v.valueAttachment ? at('valueAttachment') : child(child(path, 'extension', attachmentIndex), 'valueAttachment');
    if (v.extension && !v.valueAttachment) ctx.mark(child(child(path, 'extension', attachmentIndex), 'url'));
    return attachmentValue(ctx, attachment, p);
  }
  return undefined;
}

function quantity(ctx: MappingContext, q: Quantity, p: string): ObxValue {
  const units = unitsOf(ctx, q, p);
  if (q.comparator) {
    return {
      type: 'SN',
      typeVia: 'valueQuantity with comparator → SN',
      typeFrom: p,
      values: [[ctx.leaf(q.comparator, child(p, 'comparator')), ctx.leaf(q.value, child(p, 'value'))]],
      units,
    };
  }
  return { type: 'NM', typeVia: 'valueQuantity → NM', typeFrom: p, values: [leafOf(ctx, q.value ?? '', child(p, 'value'))], units };
}

/** OBX-6 ← Quantity: code, unit text, UCUM when the system is UCUM. */
export function unitsOf(ctx: MappingContext, q: Quantity | undefined, p: string): (V2Leaf | undefined)[] | undefined {
  if (!q || (!q.code && !q.unit)) return undefined;
  const ucum = q.system === 'http://unitsofmeasure.org';
  return [
    ctx.leaf(q.code ?? q.unit, q.code ? child(p, 'code') : child(p, 'unit')),
    ctx.leaf(q.unit, child(p, 'unit')),
    ucum ? ctx.leaf('UCUM', child(p, 'system'), 'UCUM system → UCUM') : ctx.leaf(q.system ? 'L' : undefined, child(p, 'system'), 'non-UCUM unit system → L'),
  ];
}

/** SampledData → NA: each data point a component; origin and period cannot be carried, so say so. */
function sampled(ctx: MappingContext, v: ValueCarrier, p: string, location: string): ObxValue {
  const data = v.valueSampledData?.data ?? '';
  const points = data.trim() === '' ? [] : data.trim().split(/\s+/);
  ctx.note('valueSampledData → NA: data points only; origin, period, factor and limits are not carried by NA', p, location);
  const values: V2Component[] = points.map((pt) => (/^[+-]?\d/.test(pt) ? ctx.leaf(pt, child(p, 'data')) : undefined)).filter((x): x is V2Leaf => x !== undefined);
  return { type: 'NA', typeVia: 'valueSampledData → NA', typeFrom: p, values: values.length > 0 ? [values] : [] };
}

/** Attachment → ED (inline base64) or RP (URL). ED = source^type^subtype^encoding^data. */
export function attachmentValue(ctx: MappingContext, a: Attachment, p: string): ObxValue {
  const [major, minor] = (a.contentType ?? 'application/octet-stream').split(';')[0]?.split('/') ?? [];
  const type = major === 'image' ? 'IM' : major === 'audio' ? 'AU' : major === 'text' ? 'TEXT' : 'AP';
  const subtype = (minor ?? '').toUpperCase();
  if (a.data) {
    return {
      type: 'ED',
      typeVia: 'inline attachment → ED',
      typeFrom: p,
      values: [[undefined, ctx.leaf(type, child(p, 'contentType'), `${major} → ${type} (table 0191)`), ctx.leaf(subtype, child(p, 'contentType')), ctx.fixed('Base64', 'FHIR attachments are base64'), ctx.leaf(a.data, child(p, 'data'))]],
    };
  }
  return {
    type: 'RP',
    typeVia: 'attachment URL → RP',
    typeFrom: p,
    values: [[ctx.leaf(a.url, child(p, 'url')), undefined, ctx.leaf(type, child(p, 'contentType'), `${major} → ${type} (table 0191)`), ctx.leaf(subtype, child(p, 'contentType'))]],
  };
}

function leafOf(ctx: MappingContext, value: string | number, p: string, via?: string): V2Leaf {
  return ctx.leaf(value, p, via) ?? { text: '', from: [p] };
}
