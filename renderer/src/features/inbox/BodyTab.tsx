import { useState } from 'react';
import type { NotificationDetail } from '../../../../shared/contract';
import { JsonTree } from '../../components/json-tree/JsonTree';
import { LazyJsonViewer } from '../../components/LazyJsonViewer';
import { prettyBody } from './format';

const TEXT_LIMIT = 2 * 1024 * 1024;

/** Hex dump of the first bytes, for bodies that are not text or not what they claim to be. */
function hexDump(bytes: Uint8Array, limit = 4096): string {
  const lines: string[] = [];
  for (let offset = 0; offset < Math.min(bytes.length, limit); offset += 16) {
    const chunk = bytes.subarray(offset, offset + 16);
    const hex = [...chunk].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...chunk].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > limit) lines.push(`… ${bytes.length - limit} more bytes`);
  return lines.join('\n');
}

const bytesOf = (n: NotificationDetail): Uint8Array =>
  n.bodyEncoding === 'utf8' ? new TextEncoder().encode(n.body) : Uint8Array.from(atob(n.body), (c) => c.charCodeAt(0));

/** Tree (any size, parsed off the main thread), text (pretty, for bodies up to 2 MB) or raw bytes. */
export function BodyTab({ n }: { n: NotificationDetail }) {
  const [mode, setMode] = useState<'tree' | 'text' | 'raw'>(n.parseStatus === 'ok' ? 'tree' : 'raw');
  return (
    <section>
      <div className="tabs small-tabs" role="tablist" aria-label="Body view">
        {(['tree', 'text', 'raw'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} className={mode === m ? 'tab active' : 'tab'} onClick={() => setMode(m)}>
            {m === 'tree' ? 'Tree' : m === 'text' ? 'Text' : 'Raw bytes'}
          </button>
        ))}
      </div>
      {mode === 'tree' && n.bodyEncoding === 'utf8' && <JsonTree key={n.id} text={n.body} label="Body" />}
      {mode === 'text' &&
        (n.body.length <= TEXT_LIMIT ? (
          <LazyJsonViewer value={n.bodyEncoding === 'utf8' ? prettyBody(n.body) : n.body} label="Body text" height="60vh" />
        ) : (
          <p className="muted">The body is {Math.round(n.body.length / 1024 / 1024)} MB: use the tree, which loads what you open.</p>
        ))}
      {mode === 'raw' && (
        <pre className="body" data-testid="notification-body">
          {n.parseStatus === 'ok' || n.bodyEncoding !== 'utf8' ? hexDump(bytesOf(n)) : n.body}
        </pre>
      )}
    </section>
  );
}
