import { sourcesOfField } from './lineage-model';
import type { PreviewClient } from './preview-client';
import { usePreview } from './usePreview';
import { writebackActions, useWriteback, type FieldPick } from './writeback-store';

/** v2 → FHIR: the picked field and the FHIR elements it came from. Follows the preview only while a field is picked. */
export function LineagePanel({ client }: { client: PreviewClient }) {
  const picked = useWriteback((s) => s.picked);
  const output = usePreview(client, (s) => (picked ? s.output : null));
  if (!picked || !output) return null;
  const sources = sourcesOfField(output, picked);
  return (
    <div className="wb-lineage small" data-testid="lineage">
      <strong>{pickedLabel(output.result, picked)}</strong> ←{' '}
      {sources.paths.length === 0 ? <span className="muted">not from the FHIR input (fixed or derived value)</span> : sources.paths.map((p) => <code key={p}>{p}</code>)}
      <button type="button" className="link" onClick={() => writebackActions.fieldPicked(null)}>
        clear
      </button>
    </div>
  );
}

function pickedLabel(result: { segments: readonly { name: string }[] }, p: FieldPick): string {
  const seg = result.segments[p.segmentIndex];
  if (!seg) return '';
  const same = result.segments.filter((s) => s.name === seg.name).length;
  const occurrence = result.segments.slice(0, p.segmentIndex + 1).filter((s) => s.name === seg.name).length;
  return `${seg.name}${same > 1 ? `[${occurrence}]` : ''}-${p.field}`;
}
