/** MLLP (Minimal Lower Layer Protocol) envelope: `<VT> message <FS><CR>`. */
export const VT = 0x0b;
export const FS = 0x1c;
export const CR = 0x0d;

export function frameMessage(payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(payload.length + 3);
  out[0] = VT;
  payload.copy(out, 1);
  out[payload.length + 1] = FS;
  out[payload.length + 2] = CR;
  return out;
}

/**
 * Reassembles frames from a TCP byte stream: a frame may arrive split across reads, and several
 * frames may arrive in one read. Bytes outside a frame (noise before a VT) are dropped and counted.
 */
export class MllpDecoder {
  private chunks: Buffer[] = [];
  private inFrame = false;
  /** Bytes seen outside any frame. */
  discarded = 0;

  constructor(private readonly maxFrameBytes = 16 * 1024 * 1024) {}

  push(data: Buffer): Buffer[] {
    const frames: Buffer[] = [];
    let i = 0;
    while (i < data.length) {
      if (!this.inFrame) {
        const start = data.indexOf(VT, i);
        if (start === -1) {
          this.discarded += data.length - i;
          break;
        }
        this.discarded += start - i;
        this.inFrame = true;
        this.chunks = [];
        i = start + 1;
        continue;
      }
      const end = this.findEnd(data, i);
      if (end === -1) {
        this.chunks.push(data.subarray(i));
        if (this.bufferedBytes() > this.maxFrameBytes) throw new Error(`An MLLP frame exceeded ${this.maxFrameBytes} bytes`);
        break;
      }
      // `end` is the index of FS in `data`, or -2 when FS was the last byte of the previous chunk.
      if (end >= 0) this.chunks.push(data.subarray(i, end));
      const frame = Buffer.concat(this.chunks);
      frames.push(end === -2 ? frame.subarray(0, frame.length - 1) : frame);
      this.chunks = [];
      this.inFrame = false;
      i = end === -2 ? i + 1 : end + 2;
    }
    return frames;
  }

  /** Index of the FS of an FS CR pair starting in `data` at or after `from`; -2 for an FS that ended the previous chunk. */
  private findEnd(data: Buffer, from: number): number {
    const last = this.chunks[this.chunks.length - 1];
    if (from === 0 && last && last.length > 0 && last[last.length - 1] === FS && data[0] === CR) return -2;
    let at = data.indexOf(FS, from);
    while (at !== -1) {
      if (at + 1 < data.length && data[at + 1] === CR) return at;
      if (at + 1 === data.length) return -1; // FS is the last byte: wait for the CR.
      at = data.indexOf(FS, at + 1);
    }
    return -1;
  }

  private bufferedBytes(): number {
    return this.chunks.reduce((n, c) => n + c.length, 0);
  }
}

/** Buffer encoding for MSH-18 (table 0211): UTF-8 unless the message says 8859/1. */
export function encodingFor(characterSet: string | undefined): BufferEncoding {
  return characterSet && /^8859\/1$/i.test(characterSet.trim()) ? 'latin1' : 'utf8';
}
