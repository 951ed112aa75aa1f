import { useState } from 'react';
import type { NotificationDetail } from '../../../../shared/contract';
import { JsonTree } from '../../components/json-tree/JsonTree';
import { LazyJsonViewer } from '../../components/LazyJsonViewer';
import { prettyBody } from './format';

const TEXT_LIMIT = 2 * 1024 * 1024;

const HEX_LIMIT = 4096;
/** Text shown in the raw view: a 20 MB body in one text node would stall layout for seconds. */
const RAW_TEXT_LIMIT = 256 * 1024;

/** Hex dump of the first bytes, for bodies that are not text or not what they claim to be. */
function hexDump(bytes: Uint8Array, totalBytes: number): string {
  const lines: string[] = [];
  for (let offset = 0; offset < Math.min(bytes.length, HEX_LIMIT); offset += 16) {
    const chunk = bytes.subarray(offset, offset + 16);
    const hex = [...chunk].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...chunk].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (totalBytes > HEX_LIMIT) lines.push(`… ${totalBytes - HEX_LIMIT} more bytes`);
  return lines.join('\n');
}

/** The body's first bytes only: decoding all of a large body to show 4 KB of it would waste the window's time. */
const firstBytes = (n: NotificationDetail): Uint8Array =>
  n.bodyEncoding === 'utf8'
    ? new TextEncoder().encode(n.body.slice(0, HEX_LIMIT))
    : Uint8Array.from(atob(n.body.slice(0, Math.ceil(HEX_LIMIT / 3) * 4)), (c) => c.charCodeAt(0));

function rawText(n: NotificationDetail): string {
  if (n.body.length <= RAW_TEXT_LIMIT) return n.body;
  return `${n.body.slice(0, RAW_TEXT_LIMIT)}\n\n… the first ${RAW_TEXT_LIMIT / 1024} KB of ${(n.sizeBytes / 1024 / 1024).toFixed(1)} MB are shown; export the notification for all of it.`;
}

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
          {n.parseStatus === 'ok' || n.bodyEncoding !== 'utf8' ? hexDump(firstBytes(n), n.sizeBytes) : rawText(n)}
        </pre>
      )}
    </section>
  );
}
