import { createServer, type Server, type Socket } from 'node:net';

const START = 0x0b;
const END = Buffer.from([0x1c, 0x0d]);

export interface MllpPeer {
  readonly port: number;
  /** Every message received, as ER7 text. */
  readonly received: string[];
  close(): Promise<void>;
}

/** What the peer answers for one message: the MSA/ERR segments after its MSH. */
export type Answer = (message: string) => string;

/** ACK with MSA-1 = AA. */
export const accept: Answer = (message) => `MSA|AA|${field(message, 10)}`;

/** A real HL7 v2 listener on 127.0.0.1 (MLLP framing), answering each message with an ACK built by `answer`. */
export async function startMllpPeer(answer: Answer): Promise<MllpPeer> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const start = buffer.indexOf(START);
        const end = buffer.indexOf(END, start + 1);
        if (start < 0 || end < 0) return;
        const message = buffer.subarray(start + 1, end).toString('utf8');
        buffer = buffer.subarray(end + END.length);
        received.push(message);
        const ack = `MSH|^~\\&|EHR|HOSP|${field(message, 3)}|${field(message, 4)}|${stamp()}||ACK^${field(message, 9).split('^')[1] ?? ''}^ACK|ACK${Date.now()}|${field(message, 11)}|${field(message, 12)}\r${answer(message)}\r`;
        socket.write(Buffer.concat([Buffer.from([START]), Buffer.from(ack, 'utf8'), END]));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** MSH field n of an ER7 message (MSH-1 is the separator itself). */
function field(message: string, n: number): string {
  const msh = message.split('\r')[0] ?? '';
  return msh.split('|')[n - 1] ?? '';
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
