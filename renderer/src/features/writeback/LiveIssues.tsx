import { useMemo } from 'react';
import { collectIssues, type ShownIssue } from './issues-model';
import { IssuesPanel } from './IssuesPanel';
import type { PreviewClient } from './preview-client';
import { usePreview } from './usePreview';
import { useWriteback } from './writeback-store';

/** The issues of the current preview and the editor's schema markers; the list itself re-renders only when a row changes. */
export function LiveIssues({ client, onLocate }: { client: PreviewClient; onLocate(issue: ShownIssue): void }) {
  const output = usePreview(client, (s) => s.output);
  const schemaMarkers = useWriteback((s) => s.schemaMarkers);
  const issues = useMemo(() => collectIssues(output, schemaMarkers), [output, schemaMarkers]);
  return <IssuesPanel issues={issues} onLocate={onLocate} />;
}
