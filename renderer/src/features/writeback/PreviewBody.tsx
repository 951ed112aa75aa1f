import { useMemo } from 'react';
import { Er7Diff } from './Er7Diff';
import { Er7Preview } from './Er7Preview';
import { fieldsFromPath } from './lineage-model';
import type { PreviewClient } from './preview-client';
import { SegmentTree } from './SegmentTree';
import { usePreview } from './usePreview';
import { useWriteback, type FieldPick, type PreviewTab } from './writeback-store';

interface Props {
  client: PreviewClient;
  tab: PreviewTab;
  /** The edit's action, for naming the kind of writeback the diff compares with. */
  action: string;
  /** Scroll this segment into view whenever `nonce` changes (a located issue). */
  scrollTo: { segmentIndex: number; nonce: string } | null;
  onPick(pick: FieldPick): void;
}

/**
 * The preview shown in the chosen tab: the ER7 lines, the segment tree or the diff. It follows
 * the preview client itself, so each keystroke's preview re-renders this and not the screen.
 */
export function PreviewBody({ client, tab, action, scrollTo, onPick }: Props) {
  const { output, problem, seq } = usePreview(client, (s) => s);
  const picked = useWriteback((s) => s.picked);
  const cursorPath = useWriteback((s) => s.cursorPath);
  const result = output?.result ?? null;

  const linked = useMemo(() => (output ? fieldsFromPath(output, cursorPath) : new Set<string>()), [output, cursorPath]);
  // FHIR → v2: bring the first field made from the element under the caret into view.
  const firstLinked = linked.size > 0 ? Math.min(...[...linked].map((k) => Number(k.split(':')[0]))) : null;
  const followCaret = useMemo(() => (firstLinked === null ? null : { segmentIndex: firstLinked, nonce: cursorPath ?? '' }), [firstLinked, cursorPath]);

  if (!output || !result) return <p className="muted pad">{problem ?? 'Translating…'}</p>;
  if (!result.ok && result.er7 === '') {
    return (
      <p className="error pad" data-testid="preview-failed">
        No message: {result.issues.find((i) => i.severity === 'error')?.message ?? 'the input cannot be translated'}
      </p>
    );
  }
  if (tab === 'message') {
    return <Er7Preview result={result} seq={seq} computeMs={output.computeMs} picked={picked} linked={linked} scrollTo={scrollTo} followCaret={followCaret} onPick={onPick} />;
  }
  if (tab === 'tree') return <SegmentTree result={result} picked={picked} onPick={onPick} />;
  return <Er7Diff current={result.er7} kind={output.focusType ? `${output.focusType}${capitalize(action)}` : null} />;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
