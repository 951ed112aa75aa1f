import type { DocumentReference } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2Leaf, type V2SegmentDraft, type V2Value } from '../../hl7v2';
import { CONFIDENTIALITY, DOC_AVAILABILITY, DOC_STATUS, DOCUMENT_TYPE, mapCode } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { eiFromIdentifier } from '../datatypes/cx';
import { xcnFromReference } from '../datatypes/xcn';
import { child } from '../fhir-path';
import type { Located } from '../input';

const LOINC = 'http://loinc.org';
const V2_0270 = 'http://terminology.hl7.org/CodeSystem/v2-0270';

/**
 * TXA ← DocumentReference (reverse of the IG's TXA[DocumentReference]). `presentation` is TXA-3,
 * decided by the OBX that carries the content (FT, TX, or the ED/RP type of a binary).
 */
export function buildTxa(ctx: MappingContext, doc: Located<DocumentReference>, presentation: V2Leaf | undefined): V2SegmentDraft {
  const d = doc.resource;
  const path = doc.path;
  const txa = new SegmentBuilder('TXA').set(1, ctx.fixed('1', 'set ID'));
  txa.set(2, documentType(ctx, doc), [child(path, 'type')]);
  txa.set(3, presentation);
  txa.set(4, ctx.dateTime(d.context?.period?.start, child(path, 'context.period.start'), 'TXA-4'));
  txa.set(6, ctx.dateTime(d.date, child(path, 'date'), 'TXA-6'));
  txa.setRepeating(9, (d.author ?? []).map((a, i) => xcnFromReference(ctx, a, child(path, 'author', i), doc, 'TXA-9')));
  txa.set(10, xcnFromReference(ctx, d.authenticator, child(path, 'authenticator'), doc, 'TXA-10'));
  const unique = d.masterIdentifier
    ? eiFromIdentifier(ctx, d.masterIdentifier, child(path, 'masterIdentifier'))
    : eiFromIdentifier(ctx, d.identifier?.[0], child(path, 'identifier', 0));
  if (!unique) ctx.issue('error', 'missing-identifier', 'DocumentReference has no masterIdentifier or identifier: TXA-12 (unique document number, required) is empty', child(path, 'masterIdentifier'), 'TXA-12');
  txa.set(12, unique);
  txa.set(13, parentDocument(ctx, doc));
  txa.set(17, completionStatus(ctx, doc));
  const labelIndex = (d.securityLabel ?? []).findIndex((l) => mapCode(CONFIDENTIALITY, l.coding?.[0]?.code) !== undefined);
  if (labelIndex >= 0) {
    const code = d.securityLabel?.[labelIndex]?.coding?.[0]?.code;
    const mapped = mapCode(CONFIDENTIALITY, code);
    txa.set(18, ctx.leaf(mapped, child(child(path, 'securityLabel', labelIndex), 'coding[0].code'), `confidentiality ${code} → ${mapped} (table 0272)`));
  }
  const availability = mapCode(DOC_AVAILABILITY, d.status);
  txa.set(19, ctx.leaf(availability, child(path, 'status'), `status ${d.status} → ${availability} (table 0273)`));
  return txa.draft;
}

/** TXA-2 (required, user table 0270): a v2-0270 code as is, a LOINC type through the map, else the code itself. */
function documentType(ctx: MappingContext, doc: Located<DocumentReference>): V2Leaf | undefined {
  const codings = doc.resource.type?.coding ?? [];
  const typePath = child(doc.path, 'type');
  const own = codings.findIndex((c) => c.system === V2_0270 && c.code);
  if (own >= 0) return ctx.leaf(codings[own]?.code, child(child(typePath, 'coding', own), 'code'));
  const loinc = codings.findIndex((c) => c.system === LOINC && mapCode(DOCUMENT_TYPE, c.code) !== undefined);
  if (loinc >= 0) {
    const code = codings[loinc]?.code;
    const mapped = mapCode(DOCUMENT_TYPE, code);
    return ctx.leaf(mapped, child(child(typePath, 'coding', loinc), 'code'), `LOINC ${code} → ${mapped} (table 0270)`);
  }
  const first = codings.findIndex((c) => c.code);
  if (first < 0) {
    ctx.issue('error', 'missing-type', 'DocumentReference.type has no code: TXA-2 (document type, required) is empty', typePath, 'TXA-2');
    return undefined;
  }
  ctx.issue('warning', 'no-v2-code', `Document type ${codings[first]?.code ?? ''} has no table 0270 code; sent as is (map it for this destination)`, child(child(typePath, 'coding', first), 'code'), 'TXA-2');
  return ctx.leaf(codings[first]?.code, child(child(typePath, 'coding', first), 'code'));
}

/** TXA-17 (required, table 0271) from docStatus; FHIR leaves docStatus optional, v2 does not. */
function completionStatus(ctx: MappingContext, doc: Located<DocumentReference>): V2Leaf | undefined {
  const status = doc.resource.docStatus;
  const statusPath = child(doc.path, 'docStatus');
  if (!status) {
    ctx.note('DocumentReference.docStatus is missing; TXA-17 (required) sent as DO (documented)', statusPath, 'TXA-17');
    return ctx.fixed('DO', 'no docStatus: documented');
  }
  const code = mapCode(DOC_STATUS, status);
  if (status === 'preliminary' || status === 'amended') ctx.note(`docStatus ${status} sent as ${code ?? ''}; table 0271 has no exact equivalent`, statusPath, 'TXA-17');
  return ctx.leaf(code, statusPath, `docStatus ${status} → ${code ?? ''} (table 0271)`);
}

/** TXA-13 ← relatesTo[0].target: the parent's masterIdentifier when it is in the input, else the reference's identifier. */
function parentDocument(ctx: MappingContext, doc: Located<DocumentReference>): V2Value | undefined {
  const rel = doc.resource.relatesTo?.[0];
  if (!rel) return undefined;
  const relPath = child(doc.path, 'relatesTo', 0);
  ctx.mark(child(relPath, 'code'));
  const target = ctx.input.resolve(rel.target, doc);
  if (target?.resource.resourceType === 'DocumentReference') {
    ctx.mark(child(relPath, 'target.reference'));
    const parent = target.resource as DocumentReference;
    return eiFromIdentifier(ctx, parent.masterIdentifier ?? parent.identifier?.[0], child(target.path, parent.masterIdentifier ? 'masterIdentifier' : 'identifier[0]'));
  }
  return eiFromIdentifier(ctx, rel.target.identifier, child(relPath, 'target.identifier'));
}
