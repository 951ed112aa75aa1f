import type { PreviewClient } from './preview-client';
import { usePreview } from './usePreview';

/** The message type and how the preview stands (translating, its time, or why it is stale): changes with each preview. */
export function PreviewState({ client }: { client: PreviewClient }) {
  const { output, problem, pending } = usePreview(client, (s) => s);
  const messageType = output?.result.messageType;
  return (
    <>
      {messageType && (
        <code className="wb-message-type" data-testid="message-type">
          {messageType}
        </code>
      )}
      <span className={`wb-preview-state small ${problem ? 'error' : 'muted'}`} data-testid="preview-state" title={problem ?? ''}>
        <span className="wb-preview-state-text">{problem ? `Not JSON yet: showing the last valid preview` : pending ? 'translating…' : output ? `${output.computeMs.toFixed(1)} ms` : ''}</span>
      </span>
    </>
  );
}
