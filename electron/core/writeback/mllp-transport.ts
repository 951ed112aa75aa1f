import { MllpDestinationConfig } from '../../../shared/contract';
import type { LineageEntry } from '../../../shared/fhir-to-v2';
import { readAck } from '../../../shared/hl7v2';
import { ACCEPT_CODES, REJECT_CODES, explainAck, type SentMessageInfo } from '../../../shared/writeback';
import { failure, type DeliveryOutcome, type Transport } from './delivery';
import { encodingFor } from './mllp/mllp-frame';
import { MllpSender } from './mllp/mllp-sender';
import type { QueuedWriteback } from './writeback-store';

/** MSH-18, read without a full parse (MSH-n is the n-1th `|` field, MSH-1 being the separator). */
function characterSet(er7: string): string | undefined {
  const msh = er7.slice(0, er7.indexOf('\r') === -1 ? undefined : er7.indexOf('\r'));
  return msh.split('|')[17];
}

function segmentCounts(er7: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of er7.split('\r')) {
    const name = line.slice(0, 3);
    if (/^[A-Z][A-Z0-9]{2}$/.test(name)) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** HL7 v2 over MLLP: one sender (connection) per queue key, reused between messages. */
export class MllpTransport implements Transport {
  private readonly senders = new Map<string, MllpSender>();

  plannedBytes(w: QueuedWriteback): number {
    return Buffer.byteLength(w.message_text, encodingFor(characterSet(w.message_text))) + 3;
  }

  async send(w: QueuedWriteback, signal: AbortSignal): Promise<DeliveryOutcome> {
    const config = MllpDestinationConfig.parse(JSON.parse(w.destination_json));
    let sender = this.senders.get(w.queue_key);
    if (!sender) {
      sender = new MllpSender({ host: config.host, port: config.port, tls: config.tls, connectTimeoutMs: config.connectTimeoutMs });
      this.senders.set(w.queue_key, sender);
    }
    const payload = Buffer.from(w.message_text, encodingFor(characterSet(w.message_text)));
    const x = await sender.exchange(payload, w.control_id, config.ackTimeoutMs, signal);
    const sizes = { bytesOut: x.bytesOut, bytesIn: x.bytesIn, durationMs: x.durationMs };
    if (x.kind === 'aborted') return failure('interrupted', x.error, sizes);
    if (x.kind !== 'ack') return failure(x.kind, x.error, sizes);

    const ack = readAck(x.ackText);
    const sent: SentMessageInfo = {
      lineage: w.lineage_json === null ? [] : (JSON.parse(w.lineage_json) as LineageEntry[]),
      segmentCounts: segmentCounts(w.message_text),
    };
    const detail = explainAck(ack, sent);
    const firstErr = detail.errors[0];
    const result = [ack.code, firstErr?.code, firstErr?.v2Location].filter((s) => s !== undefined && s !== null && s !== '').join(' ');
    const common = { ...sizes, ackText: x.ackText, ack: detail, result };
    if (ACCEPT_CODES.has(ack.code)) {
      return { ...failure('accepted', '', common), error: null, acceptance: ack.code === 'AA' ? 'delivered' : 'accepted-by-receiver' };
    }
    if (REJECT_CODES.has(ack.code)) {
      const why = detail.errors.map((e) => e.explanation).join(' ') || ack.text || detail.meaning;
      return { ...failure('rejected', why, common), rejectCode: ack.code };
    }
    return failure('protocol-error', `the ACK has no usable MSA-1 code (${JSON.stringify(ack.code)})`, common);
  }

  close(): void {
    for (const sender of this.senders.values()) sender.close();
    this.senders.clear();
  }
}
