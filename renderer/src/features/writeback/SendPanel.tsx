import { memo, useState } from 'react';
import type { TranslateOptions } from '../../../../shared/fhir-to-v2';
import type { WritebackTarget } from '../../../../shared/contract';
import { useConnections } from '../composer/useQueryRun';
import { StatusTimeline } from './StatusTimeline';
import { useDestinations, useEnqueue, useSaveDestination } from './useWritebackApi';
import { writebackActions, writebackDraft, useWriteback } from './writeback-store';

interface Props {
  /** The options the preview used: the same go with the writeback, so what is sent is what was previewed. */
  options: TranslateOptions;
  previewOk: boolean;
  onLocatePath(path: string): void;
}

type Choice = { kind: 'saved'; id: number } | { kind: 'mllp' } | { kind: 'fhir' };

const encode = (c: Choice) => (c.kind === 'saved' ? `saved:${c.id}` : c.kind);
const decode = (v: string): Choice => (v.startsWith('saved:') ? { kind: 'saved', id: Number(v.slice(6)) } : v === 'fhir' ? { kind: 'fhir' } : { kind: 'mllp' });

/**
 * Send: where to (a saved destination, an MLLP address, a FHIR connection), then the writeback's live
 * status. Memoised: it reads the text only when sending, so typing does not re-render it.
 */
export const SendPanel = memo(function SendPanel({ options, previewOk, onLocatePath }: Props) {
  const destinations = useDestinations();
  const connections = useConnections().data?.items ?? [];
  const enqueue = useEnqueue();
  const saveDestination = useSaveDestination();
  const followedId = useWriteback((s) => s.followedId);
  const [choice, setChoice] = useState<Choice>({ kind: 'mllp' });
  const [host, setHost] = useState('127.0.0.1');
  const [port, setPort] = useState('2575');
  const [connectionId, setConnectionId] = useState('');
  const [saveName, setSaveName] = useState('');
  const items = destinations.data?.items ?? [];

  const target = (): WritebackTarget | null => {
    if (choice.kind === 'saved') return { destinationId: choice.id };
    if (choice.kind === 'fhir') return connectionId ? { destination: { transport: 'fhir', connectionId } } : null;
    const p = Number(port);
    return host.trim() && Number.isInteger(p) && p > 0 && p < 65536 ? { destination: { transport: 'mllp', host: host.trim(), port: p } } : null;
  };

  const send = () => {
    const t = target();
    if (!t) return;
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(writebackDraft()) as Record<string, unknown>;
    } catch {
      return;
    }
    const { now: _now, controlId: _id, controlIdStrategy: _strategy, writebackId: _wb, ...sendOptions } = options;
    enqueue.mutate({ input, target: t, options: sendOptions }, { onSuccess: (detail) => writebackActions.sent(detail.id) });
  };

  const pickDestination = (value: string) => {
    const c = decode(value);
    setChoice(c);
    writebackActions.targetChosen(c.kind === 'saved' ? { kind: 'saved', destinationId: c.id } : null);
    // A saved MLLP destination brings its translator settings: the preview shows what it will receive.
    const saved = c.kind === 'saved' ? items.find((d) => d.id === c.id) : undefined;
    if (saved?.config.transport === 'mllp' && Object.keys(saved.config.translator).length > 0) {
      writebackActions.destinationEdited(saved.config.translator);
    }
  };

  const t = target();
  return (
    <section className="wb-send" aria-label="Send">
      <div className="wb-send-row">
        <select aria-label="Destination" value={encode(choice)} onChange={(e) => pickDestination(e.target.value)}>
          {items.map((d) => (
            <option key={d.id} value={`saved:${d.id}`}>
              {d.name} ({d.label})
            </option>
          ))}
          <option value="mllp">MLLP address…</option>
          <option value="fhir">FHIR connection…</option>
        </select>
        {choice.kind === 'mllp' && (
          <>
            <input aria-label="MLLP host" className="mono wb-host" value={host} onChange={(e) => setHost(e.target.value)} />
            <span className="sep">:</span>
            <input aria-label="MLLP port" className="mono wb-port" value={port} onChange={(e) => setPort(e.target.value)} />
          </>
        )}
        {choice.kind === 'fhir' && (
          <select aria-label="FHIR connection" value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
            <option value="">Choose a connection…</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.environment})
              </option>
            ))}
          </select>
        )}
        <button type="button" onClick={send} disabled={!t || !previewOk || enqueue.isPending} title={previewOk ? '' : 'The preview has errors that stop the message'}>
          {enqueue.isPending ? 'Sending…' : 'Send'}
        </button>
        {choice.kind !== 'saved' && t && (
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              const dest = 'destination' in t ? t.destination : null;
              if (!dest || !saveName.trim()) return;
              const config = dest.transport === 'mllp' ? { ...dest, translator: withoutIntent(options) } : dest;
              saveDestination.mutate({ name: saveName.trim(), config }, { onSuccess: (d) => { setSaveName(''); pickDestination(`saved:${d.id}`); } });
            }}
          >
            <input aria-label="Destination name" placeholder="Save as destination…" value={saveName} onChange={(e) => setSaveName(e.target.value)} />
          </form>
        )}
      </div>
      {enqueue.error && (
        <p className="error small" data-testid="send-error">
          {enqueue.error.message}
        </p>
      )}
      {saveDestination.error && <p className="error small">{saveDestination.error.message}</p>}
      {followedId !== null && <StatusTimeline id={followedId} options={options} onLocatePath={onLocatePath} />}
    </section>
  );
});

/** What belongs to a destination (routing, version, authorities), not to one edit. */
function withoutIntent(options: TranslateOptions) {
  const { action: _a, changed: _c, previousStatus: _p, now: _n, controlId: _i, controlIdStrategy: _s, writebackId: _w, ...rest } = options;
  return rest;
}
