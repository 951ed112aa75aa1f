import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { readAck } from '../../../../shared/hl7v2';
import type { MllpTls } from '../../../../shared/contract';
import { MllpDecoder, frameMessage } from './mllp-frame';

export interface MllpEndpoint {
  host: string;
  port: number;
  tls: MllpTls;
  connectTimeoutMs: number;
}

export type MllpExchange =
  | { kind: 'ack'; ackText: string; bytesOut: number; bytesIn: number; durationMs: number }
  | {
      kind: 'timeout' | 'connection-error' | 'protocol-error' | 'aborted';
      error: string;
      bytesOut: number;
      bytesIn: number;
      durationMs: number;
    };

/**
 * One MLLP connection to one receiver, reused from message to message, with at most one message
 * in flight. The answer is the first frame whose MSA-2 equals the message's MSH-10; frames for
 * other control ids (late ACKs of earlier attempts, noise) are ignored. The ACK timeout is a
 * deadline from the moment the frame is written, not an idle timeout, so a receiver that trickles
 * bytes cannot hold the queue. After a timeout the connection is closed, so the next attempt
 * starts clean.
 */
export class MllpSender {
  private socket: Socket | null = null;
  private connecting: Promise<Socket> | null = null;
  private onFrame: ((frame: Buffer) => void) | null = null;
  private onBytes: ((n: number) => void) | null = null;
  private onClosed: ((reason: string) => void) | null = null;
  private busy = false;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly endpoint: MllpEndpoint,
    private readonly idleCloseMs = 30_000,
  ) {}

  async exchange(payload: Buffer, controlId: string, ackTimeoutMs: number, signal?: AbortSignal): Promise<MllpExchange> {
    if (this.busy) throw new Error('MllpSender: one message in flight at a time');
    this.busy = true;
    this.clearIdle();
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    let bytesIn = 0;
    let bytesOut = 0;
    try {
      let socket: Socket;
      try {
        socket = await this.connection(signal);
      } catch (error) {
        if (signal?.aborted) return { kind: 'aborted', error: 'stopped before connecting', bytesOut, bytesIn, durationMs: elapsed() };
        return { kind: 'connection-error', error: describe(error, this.endpoint), bytesOut, bytesIn, durationMs: elapsed() };
      }
      const frame = frameMessage(payload);
      return await new Promise<MllpExchange>((resolve) => {
        let ignored = 0;
        const finish = (result: MllpExchange) => {
          clearTimeout(deadline);
          signal?.removeEventListener('abort', onAbort);
          this.onFrame = this.onBytes = this.onClosed = null;
          resolve(result);
        };
        const onAbort = () => {
          this.destroy();
          finish({ kind: 'aborted', error: 'stopped while waiting for the ACK', bytesOut, bytesIn, durationMs: elapsed() });
        };
        const deadline = setTimeout(() => {
          this.destroy();
          const extra = ignored > 0 ? ` (${ignored} frame(s) received that did not acknowledge ${controlId})` : '';
          finish({ kind: 'timeout', error: `no ACK within ${ackTimeoutMs} ms${extra}`, bytesOut, bytesIn, durationMs: elapsed() });
        }, ackTimeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        this.onBytes = (n) => {
          bytesIn += n;
        };
        this.onFrame = (data) => {
          const text = data.toString('utf8');
          let acked: string;
          try {
            acked = readAck(text).controlId;
          } catch {
            ignored++;
            return;
          }
          if (acked !== controlId) {
            ignored++;
            return;
          }
          finish({ kind: 'ack', ackText: text, bytesOut, bytesIn, durationMs: elapsed() });
        };
        this.onClosed = (reason) =>
          finish({ kind: 'connection-error', error: `${reason} before the ACK arrived`, bytesOut, bytesIn, durationMs: elapsed() });
        bytesOut = frame.length;
        socket.write(frame);
      });
    } finally {
      this.busy = false;
      this.armIdle();
    }
  }

  close(): void {
    this.clearIdle();
    this.destroy();
  }

  private destroy(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.destroy();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private armIdle(): void {
    if (!this.socket || this.idleCloseMs <= 0) return;
    this.idleTimer = setTimeout(() => this.destroy(), this.idleCloseMs);
    this.idleTimer.unref();
  }

  private connection(signal?: AbortSignal): Promise<Socket> {
    if (this.socket && !this.socket.destroyed && this.socket.writable) return Promise.resolve(this.socket);
    this.connecting ??= this.open(signal).finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private open(signal?: AbortSignal): Promise<Socket> {
    const { host, port, tls, connectTimeoutMs } = this.endpoint;
    return new Promise<Socket>((resolve, reject) => {
      const socket: Socket = tls.enabled
        ? tlsConnect({
            host,
            port,
            servername: tls.servername ?? (/^[\d.:]+$/.test(host) ? undefined : host),
            ...(tls.caPem ? { ca: [tls.caPem] } : {}),
            rejectUnauthorized: !tls.allowSelfSigned,
          })
        : netConnect({ host, port });
      const readyEvent = tls.enabled ? 'secureConnect' : 'connect';
      const fail = (error: Error) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.destroy();
        reject(error);
      };
      const onAbort = () => fail(new Error('aborted'));
      const timer = setTimeout(() => fail(new Error(`could not connect within ${connectTimeoutMs} ms`)), connectTimeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('error', fail);
      socket.once(readyEvent, () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.off('error', fail);
        socket.setNoDelay(true);
        this.attach(socket);
        resolve(socket);
      });
    });
  }

  private attach(socket: Socket): void {
    this.socket = socket;
    const decoder = new MllpDecoder();
    // Events of a socket this sender already let go of (closed after a timeout) must never reach
    // the exchange in progress on its successor.
    socket.on('data', (data: Buffer) => {
      if (this.socket !== socket) return;
      this.onBytes?.(data.length);
      let frames: Buffer[];
      try {
        frames = decoder.push(data);
      } catch (error) {
        const onClosed = this.onClosed;
        this.destroy();
        onClosed?.(error instanceof Error ? error.message : String(error));
        return;
      }
      for (const frame of frames) this.onFrame?.(frame);
    });
    const closed = (reason: string) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.onClosed?.(reason);
    };
    socket.on('error', (error) => closed(`connection error: ${error.message}`));
    socket.on('close', () => closed('the receiver closed the connection'));
  }
}

function describe(error: unknown, endpoint: MllpEndpoint): string {
  const code = (error as { code?: unknown }).code;
  const where = `${endpoint.host}:${endpoint.port}`;
  if (code === 'ECONNREFUSED') return `connection refused by ${where}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot resolve ${endpoint.host}`;
  if (code === 'ECONNRESET') return `connection to ${where} reset`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `${where} is unreachable`;
  return `cannot connect to ${where}: ${error instanceof Error ? error.message : String(error)}`;
}
