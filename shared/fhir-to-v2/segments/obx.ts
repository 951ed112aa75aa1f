import type { Observation } from '@medplum/fhirtypes';
import { leaf, SegmentBuilder, type V2SegmentDraft } from '../../hl7v2';
import { INTERPRETATION, mapCode, OBSERVATION_STATUS } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { buildNotes } from './nte';
import { observationValue, type ValueCarrier } from './observation-value';

interface ObxCounter {
  next: number;
}

/**
 * OBX (+ NTE) for one Observation. Components become OBX lines of their own sharing an OBX-4
 * sub-ID (the IG leaves the choice open; separate lines keep each value's units and flags).
 */
export function buildObservationObx(
  ctx: MappingContext,
  obs: Located<Observation>,
  counter: ObxCounter,
  group: number,
): V2SegmentDraft[] {
  ctx.use(obs);
  const o = obs.resource;
  const path = obs.path;
  const out: V2SegmentDraft[] = [];
  const components = o.component ?? [];
  const subId = components.length > 0 ? String(group) : undefined;
  const hasOwnValue = hasValue(o) || components.length === 0;
  if (hasOwnValue) {
    out.push(obx(ctx, obs, o, path, counter, subId));
    out.push(...buildNotes(ctx, o.note, path));
  }
  components.forEach((c, i) => {
    const cPath = child(path, 'component', i);
    out.push(obx(ctx, obs, { ...c, status: o.status, effectiveDateTime: o.effectiveDateTime, effectivePeriod: o.effectivePeriod, performer: o.performer, issued: o.issued }, cPath, counter, subId, path));
  });
  if (!hasOwnValue) out.push(...buildNotes(ctx, o.note, path));
  return out;
}

type ObxSource = ValueCarrier &
  Pick<Observation, 'code' | 'status' | 'effectiveDateTime' | 'effectivePeriod' | 'performer' | 'issued' | 'interpretation' | 'referenceRange' | 'method'>;

function obx(
  ctx: MappingContext,
  obs: Located<Observation>,
  src: ObxSource,
  path: string,
  counter: ObxCounter,
  subId: string | undefined,
  parentPath = path,
): V2SegmentDraft {
  const setId = counter.next++;
  const location = `OBX-5`;
  const seg = new SegmentBuilder('OBX').set(1, ctx.fixed(String(setId), 'set ID'));
  const value = observationValue(ctx, src, path, location);
  if (value) {
    seg.set(2, leaf(value.type, [value.typeFrom], value.typeVia));
    seg.setRepeating(5, value.values, [value.typeFrom]);
    seg.set(6, value.units);
  }
  if (!src.code?.coding?.length && !src.code?.text) {
    ctx.issue('error', 'missing-code', 'Observation has no code: OBX-3 (required) is empty', child(path, 'code'), 'OBX-3');
  }
  seg.set(3, ceFromConcept(ctx, src.code, child(path, 'code'), 'OBX-3'), [child(path, 'code')]);
  seg.set(4, ctx.fixed(subId, 'component group sub-ID'));
  const range = src.referenceRange?.[0];
  if (range) {
    const rp = child(path, 'referenceRange', 0);
    const text = range.text ?? rangeText(range.low?.value, range.high?.value);
    const from = range.text ? [child(rp, 'text')] : [child(rp, 'low.value'), child(rp, 'high.value')].filter((_, i) => (i === 0 ? range.low : range.high) !== undefined);
    seg.set(7, ctx.leaf(text, from, range.text ? undefined : 'low-high'));
  }
  seg.setRepeating(8, (src.interpretation ?? []).map((concept, i) => {
    const ip = child(child(path, 'interpretation', i), 'coding[0].code');
    const code = concept.coding?.[0]?.code;
    const flag = mapCode(INTERPRETATION, code);
    if (code && !flag) ctx.issue('warning', 'no-v2-code', `Interpretation ${code} has no table 0078 flag`, ip, 'OBX-8');
    return flag ? ctx.leaf(flag, ip, `interpretation ${code} → ${flag} (table 0078)`) : undefined;
  }));
  seg.set(11, resultStatus(ctx, src, obs, parentPath), [child(parentPath, 'status')]);
  const effectivePath = src.effectiveDateTime ? child(parentPath, 'effectiveDateTime') : child(parentPath, 'effectivePeriod.start');
  seg.set(14, ctx.dateTime(src.effectiveDateTime ?? src.effectivePeriod?.start, effectivePath, 'OBX-14'));
  const performerIndex = (src.performer ?? []).findIndex((p) => p.reference?.includes('Practitioner') || p.display !== undefined);
  if (performerIndex >= 0) {
    seg.set(16, xcnFromReference(ctx, src.performer?.[performerIndex], child(parentPath, 'performer', performerIndex), obs, 'OBX-16'));
  }
  seg.set(17, ceFromConcept(ctx, src.method, child(path, 'method'), 'OBX-17'));
  return seg.draft;
}

function resultStatus(ctx: MappingContext, src: ObxSource, obs: Located<Observation>, parentPath: string) {
  const statusPath = child(parentPath, 'status');
  if (!hasValue(src) && src.dataAbsentReason) {
    const reason = src.dataAbsentReason.coding?.[0]?.code;
    const code = reason === 'not-asked' ? 'N' : 'X';
    return ctx.leaf(code, [child(parentPath, 'dataAbsentReason')], `no value, dataAbsentReason ${reason ?? ''} → ${code}`);
  }
  const status = src.status;
  if (!status) {
    ctx.issue('error', 'missing-status', `${obs.resource.resourceType}.status is missing: OBX-11 (required) is empty`, statusPath, 'OBX-11');
    return undefined;
  }
  const code = mapCode(OBSERVATION_STATUS, status);
  if (!code) {
    ctx.issue('error', 'no-v2-status', `Observation status "${status}" has no v2 result status (table 0085)`, statusPath, 'OBX-11');
    return undefined;
  }
  if (status === 'amended' || status === 'entered-in-error') {
    ctx.note(`Observation status ${status} sent as ${code}: table 0085 in 2.5.1 has no exact equivalent`, statusPath, 'OBX-11');
  }
  return ctx.leaf(code, statusPath, `status ${status} → ${code} (table 0085)`);
}

function hasValue(v: ValueCarrier): boolean {
  return Object.keys(v).some((k) => k.startsWith('value')) || (v.extension ?? []).some((e) => e.url.endsWith('extension-Observation.value'));
}

function rangeText(low: number | undefined, high: number | undefined): string | undefined {
  if (low !== undefined && high !== undefined) return `${low}-${high}`;
  if (low !== undefined) return `>${low}`;
  if (high !== undefined) return `<${high}`;
  return undefined;
}
