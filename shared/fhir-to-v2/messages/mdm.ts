import type { DocumentReference, DocumentReferenceContent } from '@medplum/fhirtypes';
import { leaf, SegmentBuilder, type V2Leaf, type V2SegmentDraft } from '../../hl7v2';
import { decodeBase64Text } from '../base64';
import type { MappingContext } from '../context';
import { ceFromConcept } from '../datatypes/ce';
import { child } from '../fhir-path';
import type { Located } from '../input';
import { attachmentValue, type ObxValue } from '../segments/observation-value';
import { buildPid, resolvePatient } from '../segments/pid';
import { buildPv1, resolveEncounter } from '../segments/pv1';
import { buildTxa } from '../segments/txa';

/** The MDM triggers that carry content, all on the MDM_T02 structure (T01/T03/… are notifications only). */
export const MDM_TRIGGERS = ['T02', 'T04', 'T06', 'T08', 'T10'] as const;

/** T02 original; T06 addendum / T10 replacement from relatesTo; T08 an edit of an existing document. */
export function documentTrigger(ctx: MappingContext, doc: Located<DocumentReference>): string {
  const relation = doc.resource.relatesTo?.[0]?.code;
  if (relation === 'replaces') return 'T10';
  if (relation === 'appends') return 'T06';
  return ctx.options.action === 'create' ? 'T02' : 'T08';
}

/** MDM body (after MSH, EVN): PID, PV1 (`PV1|1|N` without a visit), TXA, one OBX per content item. */
export function buildMdm(ctx: MappingContext, doc: Located<DocumentReference>): V2SegmentDraft[] {
  ctx.use(doc);
  const d = doc.resource;
  const subjectPath = child(doc.path, 'subject');
  const patient = resolvePatient(ctx, d.subject, doc, subjectPath);
  const encRef = d.context?.encounter?.[0];
  const encounter = resolveEncounter(ctx, encRef, doc, child(doc.path, 'context.encounter[0]'));
  const contents = (d.content ?? []).map((c, i) => contentValue(ctx, c, child(child(doc.path, 'content', i), 'attachment')));
  if (contents.length === 0) ctx.issue('error', 'missing-content', 'DocumentReference has no content: MDM needs at least one OBX', child(doc.path, 'content'), 'OBX');
  const first = contents[0];
  const presentation = first ? leaf(first.presentation, [first.typeFrom], `content → ${first.presentation} (table 0191)`) : undefined;
  const out: V2SegmentDraft[] = [buildPid(ctx, patient, d.subject, subjectPath), buildPv1(ctx, encounter), buildTxa(ctx, doc, presentation)];
  const preliminary = d.docStatus === 'preliminary';
  contents.forEach((value, i) => {
    out.push(new SegmentBuilder('OBX')
      .set(1, ctx.fixed(String(i + 1), 'set ID'))
      .set(2, leaf(value.type, [value.typeFrom], value.typeVia))
      .set(3, ceFromConcept(ctx, d.type, child(doc.path, 'type'), 'OBX-3'))
      .setRepeating(5, value.values)
      .set(11, preliminary ? ctx.leaf('P', child(doc.path, 'docStatus'), 'preliminary document → P') : ctx.fixed('F', 'document content is final unless docStatus says preliminary')).draft);
  });
  return out;
}

type ContentValue = ObxValue & { readonly presentation: string };

/** Text attachments are decoded: multi-line text as FT (\.br\ line breaks, as the IG's MDM sample), one line as TX. */
function contentValue(ctx: MappingContext, content: DocumentReferenceContent, p: string): ContentValue {
  const a = content.attachment;
  const text = a.data && (a.contentType ?? '').startsWith('text/plain') ? decodeBase64Text(a.data) : undefined;
  if (text !== undefined) {
    const type = /[\r\n]/.test(text) ? 'FT' : 'TX';
    const value: V2Leaf | undefined = ctx.leaf(text.replace(/\r?\n$/, ''), child(p, 'data'), 'base64 text, decoded');
    ctx.mark(child(p, 'contentType'));
    return { type, typeVia: `plain text → ${type}`, typeFrom: child(p, 'contentType'), values: value ? [value] : [], presentation: type };
  }
  const binary = attachmentValue(ctx, a, p);
  const first = binary.values[0];
  const kind = first && Array.isArray(first) ? first[binary.type === 'ED' ? 1 : 2] : undefined;
  const presentation = kind && !Array.isArray(kind) && 'text' in kind ? (kind as V2Leaf).text : 'AP';
  return { ...binary, presentation: presentation === 'TEXT' ? 'TX' : presentation };
}
