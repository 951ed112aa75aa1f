import type { Immunization } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2Leaf, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { child } from '../fhir-path';
import type { Located } from '../input';

/** The LOINC observations the CDC immunization guide sends after RXA. */
const LOINC = {
  eligibility: ['64994-7', 'Vaccine funding program eligibility category'],
  fundingSource: ['30963-3', 'Funding source for immunization'],
  documentType: ['69764-9', 'Document type'],
  published: ['29768-9', 'Date vaccine information statement published'],
  presented: ['29769-7', 'Date vaccine information statement presented'],
} as const;

/** A VIS document type that is a GS1 GDTI barcode value (the CDC's VIS identifiers). */
const GDTI = /^\d{24}$/;

/**
 * OBX after RXA, as the CDC guide groups them (OBX-4 sub-ID per group): eligibility and funding
 * source, then per education item its VIS document type and publication / presentation dates.
 */
export function buildImmunizationObx(ctx: MappingContext, imm: Located<Immunization>): V2SegmentDraft[] {
  const m = imm.resource;
  const path = imm.path;
  const out: V2SegmentDraft[] = [];
  let group = 0;
  const when = () => ctx.dateTime(m.occurrenceDateTime, child(path, 'occurrenceDateTime'), 'OBX-14');
  const add = (type: 'CE' | 'TS', code: readonly [string, string], value: V2Value | undefined, subId: number) => {
    if (!value) return;
    out.push(new SegmentBuilder('OBX')
      .set(1, ctx.fixed(String(out.length + 1), 'set ID'))
      .set(2, ctx.fixed(type, 'CDC immunization observation type'))
      .set(3, [ctx.fixed(code[0], 'CDC immunization observation'), ctx.fixed(code[1], 'LOINC name'), ctx.fixed('LN', 'LOINC')])
      .set(4, ctx.fixed(String(subId), 'observation group sub-ID'))
      .set(5, value)
      .set(11, ctx.fixed('F', 'recorded observation'))
      .set(14, when()).draft);
  };
  (m.programEligibility ?? []).forEach((e, i) => add('CE', LOINC.eligibility, ceFromConcept(ctx, e, child(path, 'programEligibility', i), 'OBX-5'), ++group));
  if (m.fundingSource) add('CE', LOINC.fundingSource, ceFromConcept(ctx, m.fundingSource, child(path, 'fundingSource'), 'OBX-5'), ++group);
  (m.education ?? []).forEach((e, i) => {
    const ePath = child(path, 'education', i);
    const sub = ++group;
    if (e.documentType) {
      const p = child(ePath, 'documentType');
      const gdti = GDTI.test(e.documentType);
      add('CE', LOINC.documentType, gdti ? [ctx.leaf(e.documentType, p), undefined, ctx.fixed('cdcgs1vis', 'VIS GS1 barcode (GDTI)')] : [undefined, ctx.leaf(e.documentType, p)], sub);
    }
    add('TS', LOINC.published, dateOf(ctx, e.publicationDate, child(ePath, 'publicationDate')), sub);
    add('TS', LOINC.presented, dateOf(ctx, e.presentationDate, child(ePath, 'presentationDate')), sub);
  });
  return out;
}

function dateOf(ctx: MappingContext, value: string | undefined, path: string): V2Leaf | undefined {
  return ctx.dateTime(value, path, 'OBX-5');
}
