import type { Annotation } from '@medplum/fhirtypes';
import { SegmentBuilder, type V2SegmentDraft } from '../../hl7v2';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';

/** One NTE per Annotation; line breaks survive as \.br\ (NTE-3 is FT). */
export function buildNotes(ctx: MappingContext, notes: readonly Annotation[] | undefined, path: string, source = 'L'): V2SegmentDraft[] {
  return (notes ?? []).map((note, i) =>
    new SegmentBuilder('NTE')
      .set(1, ctx.fixed(String(i + 1), 'set ID'))
      .set(2, ctx.fixed(source, 'source of comment (table 0105)'))
      .set(3, ctx.leaf(note.text, child(child(path, 'note', i), 'text'))).draft,
  );
}
