import { describe, expect, it } from 'vitest';
import { CR, FS, MllpDecoder, VT, encodingFor, frameMessage } from './mllp-frame';

const text = (frames: Buffer[]) => frames.map((f) => f.toString('utf8'));

describe('MLLP framing', () => {
  it('wraps a message in VT … FS CR', () => {
    const framed = frameMessage(Buffer.from('MSH|^~\\&|A\r'));
    expect(framed[0]).toBe(VT);
    expect([...framed.subarray(-2)]).toEqual([FS, CR]);
    expect(framed.subarray(1, -2).toString()).toBe('MSH|^~\\&|A\r');
  });

  it('reassembles frames split at every possible byte, including between FS and CR', () => {
    const stream = Buffer.concat([frameMessage(Buffer.from('MSH|1\rMSA|AA|X1\r')), frameMessage(Buffer.from('MSH|2\rMSA|AE|X2\r'))]);
    for (let cut = 1; cut < stream.length; cut++) {
      const d = new MllpDecoder();
      const frames = [...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))];
      expect(text(frames), `cut at ${cut}`).toEqual(['MSH|1\rMSA|AA|X1\r', 'MSH|2\rMSA|AE|X2\r']);
    }
  });

  it('reassembles a frame sent one byte at a time, and coalesced frames in one read', () => {
    const one = frameMessage(Buffer.from('MSH|é\r'));
    const d = new MllpDecoder();
    const frames: Buffer[] = [];
    for (const byte of one) frames.push(...d.push(Buffer.from([byte])));
    expect(text(frames)).toEqual(['MSH|é\r']);
    const three = Buffer.concat([one, one, one]);
    expect(new MllpDecoder().push(three)).toHaveLength(3);
  });

  it('drops bytes outside frames and keeps an FS that is not followed by CR', () => {
    const d = new MllpDecoder();
    const frames = d.push(Buffer.concat([Buffer.from('noise'), frameMessage(Buffer.from(`A${String.fromCharCode(FS)}B`)), Buffer.from('\r\n')]));
    expect(text(frames)).toEqual([`A${String.fromCharCode(FS)}B`]);
    expect(d.discarded).toBe(7);
  });

  it('refuses a frame that never ends past its size limit', () => {
    const d = new MllpDecoder(10);
    expect(() => d.push(Buffer.concat([Buffer.from([VT]), Buffer.alloc(20, 0x41)]))).toThrow(/exceeded 10 bytes/);
  });

  it('reads MSH-18 for the byte encoding', () => {
    expect(encodingFor('8859/1')).toBe('latin1');
    expect(encodingFor('UNICODE UTF-8')).toBe('utf8');
    expect(encodingFor(undefined)).toBe('utf8');
  });
});
