import { fieldsFromPath } from './lineage-model';
import type { PreviewClient } from './preview-client';
import { usePreview } from './usePreview';
import { useWriteback } from './writeback-store';

/**
 * Under the editor: the FHIR path at the caret, how many v2 fields it fills, and the unmapped
 * count. It selects just those numbers and texts, so a preview that leaves them alone does not re-render it.
 */
export function EditorStatus({ client }: { client: PreviewClient }) {
  const cursorPath = useWriteback((s) => s.cursorPath);
  const linked = usePreview(client, (s) => (s.output && cursorPath ? fieldsFromPath(s.output, cursorPath).size : 0));
  const unmapped = usePreview(client, (s) => s.output?.result.unmapped.length ?? 0);
  const unmappedTitle = usePreview(client, (s) => (unmapped > 0 ? (s.output?.result.unmapped.join('\n') ?? '') : ''));
  return (
    <div className="wb-editor-status small">
      {cursorPath ? <code data-testid="cursor-path">{cursorPath}</code> : <span className="muted">Put the caret in the JSON to see the v2 fields it fills.</span>}
      {cursorPath && (
        <span className="muted">
          {' '}→ {linked === 0 ? 'no v2 field' : `${linked} v2 ${linked === 1 ? 'field' : 'fields'}`}
        </span>
      )}
      <span className="spacer" />
      {unmapped > 0 && (
        <span className="wb-unmapped-count" title={unmappedTitle} data-testid="unmapped-count">
          {unmapped} unmapped
        </span>
      )}
    </div>
  );
}
