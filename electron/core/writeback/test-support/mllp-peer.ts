import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Hl7Connection, type Hl7MessageEvent } from '@medplum/hl7';

type Hl7Message = Hl7MessageEvent['message'];
type Hl7Segment = Hl7Message['segments'][number];

/** `Hl7Segment` of the @medplum/core copy that @medplum/hl7 uses (it pins its own version). */
function parseSegment(like: Hl7Message, text: string): Hl7Segment {
  const first = like.segments[0];
  if (!first) throw new Error('empty message');
  return (first.constructor as unknown as { parse(text: string): Hl7Segment }).parse(text);
}

/** How the peer answers one message. */
export type PeerAnswer =
  | { kind: 'AA' | 'CA' }
  | { kind: 'AE' | 'AR' | 'CE' | 'CR'; err?: string }
  | { kind: 'never' }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number; then: PeerAnswer };

export interface PeerRecord {
  controlId: string;
  /** The message as received with MSH-10 blanked: equal for two sends of the same writeback. */
  content: string;
  at: number;
  /** The ACK code sent back, or null (never answered / dropped). */
  answered: string | null;
  connection: number;
}

export interface MllpPeer {
  readonly port: number;
  readonly host: '127.0.0.1';
  readonly received: PeerRecord[];
  connections: number;
  /** Decide the answer per message; `seen` counts earlier arrivals of the same control id. */
  answerWith(policy: (controlId: string, seen: number) => PeerAnswer): void;
  close(): Promise<void>;
}

/**
 * A real MLLP receiver for tests, built on `@medplum/hl7`'s `Hl7Connection` (framing, frame
 * reassembly, ER7 parsing) and `Hl7Message.buildAck` (ACK with MSA-2 = MSH-10 and an optional ERR).
 * The listening socket is ours only so it binds 127.0.0.1 (Medplum's `Hl7Server.start` binds every
 * interface).
 */
export async function startMllpPeer(policy: (controlId: string, seen: number) => PeerAnswer = () => ({ kind: 'AA' })): Promise<MllpPeer> {
  let decide = policy;
  const received: PeerRecord[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const connection = ++connections;
    peer.connections = connections;
    const hl7 = new Hl7Connection(socket);
    hl7.addEventListener('error', () => {});
    hl7.addEventListener('message', ({ message }: Hl7MessageEvent) => {
      const controlId = message.getSegment('MSH')?.getField(10)?.toString() ?? '';
      const seen = received.filter((r) => r.controlId === controlId).length;
      const content = message
        .toString()
        .split(/\r/)
        .map((line) => (line.startsWith('MSH|') ? line.split('|').map((f, i) => (i === 9 ? '' : f)).join('|') : line))
        .join('\r');
      const record: PeerRecord = { controlId, content, at: Date.now(), answered: null, connection };
      received.push(record);
      answer(hl7, socket, message, decide(controlId, seen), record);
    });
  });
  const answer = (hl7: Hl7Connection, socket: Socket, message: Hl7Message, a: PeerAnswer, record: PeerRecord): void => {
    if (a.kind === 'never') return;
    if (a.kind === 'drop') {
      socket.destroy();
      return;
    }
    if (a.kind === 'delay') {
      setTimeout(() => {
        if (!socket.destroyed) answer(hl7, socket, message, a.then, record);
      }, a.ms);
      return;
    }
    const errSegment = 'err' in a && a.err ? parseSegment(message, a.err) : undefined;
    hl7.send(message.buildAck({ ackCode: a.kind, ...(errSegment ? { errSegment } : {}) }));
    record.answered = a.kind;
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const peer: MllpPeer = {
    port: (server.address() as AddressInfo).port,
    host: '127.0.0.1',
    received,
    connections: 0,
    answerWith(p) {
      decide = p;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return peer;
}
